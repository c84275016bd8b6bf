import type { Translate } from "../app/i18n/translate";
import { composeMail, type RenderedMail } from "./layout";

// A short notice to the bureau's shared inbox that an application needs it: no personal data.
export type BureauNoticeEvent = "second_review_needed" | "answer_received" | "report_received";
export type BureauNoticeMailData = { reference: string; title: string; url: string; event: BureauNoticeEvent };

export function renderBureauNoticeMail(t: Translate, data: BureauNoticeMailData): RenderedMail {
  const event = t(`mail.bureauNotice.${data.event}`);
  return composeMail(t, {
    subject: t("mail.bureauNotice.subject", { reference: data.reference, event }),
    lines: [t("mail.bureauNotice.text", { reference: data.reference, title: data.title, event })],
    action: { label: t("mail.bureauNotice.button"), url: data.url },
  });
}
