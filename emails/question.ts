import type { Translate } from "../app/i18n/translate";
import { composeMail, type RenderedMail } from "./layout";

// To the applicant (and the supporter who sent it for them): the bureau asks a question. The link
// goes to their own page, where they sign in with their address to answer (decision 131).
export type QuestionMailData = { name: string; title: string; reference: string; question: string; url: string };

export function renderQuestionMail(t: Translate, data: QuestionMailData): RenderedMail {
  return composeMail(t, {
    subject: t("mail.question.subject", { reference: data.reference }),
    lines: [
      t("mail.received.greeting", { name: data.name }),
      t("mail.question.text", { title: data.title, reference: data.reference }),
      data.question,
      t("mail.question.howToAnswer"),
    ],
    action: { label: t("mail.question.button"), url: data.url },
  });
}
