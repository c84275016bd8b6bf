import type { Translate } from "../app/i18n/translate";
import { composeMail, type RenderedMail } from "./layout";

// To the bureau's shared inbox: no personal data, only what is needed to pick it up.
export type NewApplicationMailData = { reference: string; title: string; areaName: string; url: string };

export function renderNewApplicationMail(t: Translate, data: NewApplicationMailData): RenderedMail {
  return composeMail(t, {
    subject: t("mail.newApplication.subject", { reference: data.reference }),
    lines: [t("mail.newApplication.text", { reference: data.reference, title: data.title, area: data.areaName })],
    action: { label: t("mail.newApplication.button"), url: data.url },
  });
}
