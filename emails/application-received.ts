import type { Translate } from "../app/i18n/translate";
import { composeMail, type RenderedMail } from "./layout";

export type ApplicationReceivedMailData = { name: string; title: string; reference: string; statusUrl: string };

export function renderApplicationReceivedMail(t: Translate, data: ApplicationReceivedMailData): RenderedMail {
  return composeMail(t, {
    subject: t("mail.received.subject", { reference: data.reference }),
    lines: [t("mail.received.greeting", { name: data.name }), t("mail.received.text", { title: data.title, reference: data.reference })],
    action: { label: t("mail.received.button"), url: data.statusUrl },
  });
}
