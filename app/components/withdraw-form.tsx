// "Aanvraag intrekken" on the resident's own page: an optional reason and a tick that says they
// mean it, so it works as a plain form post without JavaScript (no confirm dialog). With
// JavaScript on, the same schema checks it in the browser first.
import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { WITHDRAW_REASON_MAX, withdrawSchema } from "~/forms/withdraw-schema";
import { useT } from "~/i18n/use-t";
import { describedBy, Field, FieldError } from "./field";
import { ErrorSummary, summaryItems } from "./error-summary";
import { SubmitButton } from "./submit-button";

const fieldId = (name: string) => `withdraw-${name}`;

export function WithdrawForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const schema = withdrawSchema(t);
  const [form, fields] = useForm({
    id: "withdraw",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const reason = fieldId("reason");
  const confirm = fieldId("confirm");
  return (
    <section aria-labelledby="withdraw-title" className="section">
      <h2 id="withdraw-title">{t("resident.withdraw.title")}</h2>
      <p>{t("resident.withdraw.text")}</p>
      <Form method="post" id={form.id} noValidate onSubmit={form.onSubmit} className="stacked">
        <ErrorSummary items={summaryItems(form.allErrors, fieldId)} focusKey={lastResult} />
        <Field id={reason} label={t("resident.withdraw.reason")} optional errors={fields.reason.errors}>
          <textarea
            id={reason}
            name={fields.reason.name}
            rows={3}
            maxLength={WITHDRAW_REASON_MAX}
            defaultValue={typeof fields.reason.initialValue === "string" ? fields.reason.initialValue : ""}
            aria-invalid={fields.reason.errors ? true : undefined}
            aria-describedby={describedBy(reason, false, fields.reason.errors)}
          />
        </Field>
        <div className={fields.confirm.errors ? "field field--invalid" : "field"}>
          <FieldError id={confirm} errors={fields.confirm.errors} />
          <div className="choice">
            <input
              type="checkbox"
              id={confirm}
              name={fields.confirm.name}
              value="yes"
              aria-invalid={fields.confirm.errors ? true : undefined}
              aria-describedby={describedBy(confirm, false, fields.confirm.errors)}
            />
            <label htmlFor={confirm}>{t("resident.withdraw.confirm")}</label>
          </div>
        </div>
        <SubmitButton name="intent" value="withdraw" secondary>
          {t("resident.withdraw.submit")}
        </SubmitButton>
      </Form>
    </section>
  );
}
