import type { Translate } from "../app/i18n/translate";
import { composeMail, type RenderedMail } from "./layout";

// To the applicant (and the supporter who sent it for them): the application was withdrawn.
export type WithdrawnMailData = { name: string; title: string; reference: string };

export function renderWithdrawnMail(t: Translate, data: WithdrawnMailData): RenderedMail {
  return composeMail(t, {
    subject: t("mail.withdrawn.subject", { reference: data.reference }),
    lines: [t("mail.received.greeting", { name: data.name }), t("mail.withdrawn.text", { title: data.title, reference: data.reference })],
  });
}
