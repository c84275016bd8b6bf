import type { Translate } from "../app/i18n/translate";
import { composeMail, type RenderedMail } from "./layout";

export type DraftSavedMailData = { continueUrl: string };

export function renderDraftSavedMail(t: Translate, data: DraftSavedMailData): RenderedMail {
  return composeMail(t, {
    subject: t("mail.draft.subject"),
    lines: [t("mail.draft.text")],
    action: { label: t("mail.draft.button"), url: data.continueUrl },
  });
}
