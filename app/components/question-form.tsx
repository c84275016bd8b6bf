// The bureau asks the applicant a question (ask_question: in_review → needs_info). A plain form
// with its own intent on the application's page; the same schema checks it in the browser.
import { Form } from "@remix-run/react";
import { QUESTION_MAX, questionSchema } from "~/forms/question-schema";
import { useT } from "~/i18n/use-t";
import { TextField, useIntentForm, type ReviewActionData } from "./review-forms";
import { SubmitButton } from "./submit-button";

export function QuestionForm({ actionData }: { actionData: ReviewActionData }) {
  const t = useT();
  const { form, fields, summary } = useIntentForm("ask_question", questionSchema(t), actionData);
  return (
    <Form method="post" id={form.id} noValidate onSubmit={form.onSubmit}>
      <h3>{t("question.title")}</h3>
      {summary}
      <p>{t("question.intro")}</p>
      <TextField
        intent="ask_question"
        name="question"
        label={t("question.label")}
        hint={t("question.hint", { max: QUESTION_MAX })}
        multiline
        errors={fields.question.errors}
        initial={typeof fields.question.initialValue === "string" ? fields.question.initialValue : undefined}
      />
      <SubmitButton name="intent" value="ask_question" secondary>
        {t("question.submit")}
      </SubmitButton>
    </Form>
  );
}
