// The applicant answers the bureau's question and may change their application in the same post
// (needs_info → submitted). The changed fields are checked by the application form's own rules
// (forms/question-schema.ts), in the browser with JavaScript and always on the server.
import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ANSWER_MAX, answerSchema } from "~/forms/question-schema";
import { LIMITS } from "~/forms/application-schema";
import { formatCents } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";
import { describedBy, Field, FieldError } from "./field";
import { ErrorSummary, summaryItems } from "./error-summary";
import { SubmitButton } from "./submit-button";
import type { AnswerFormData } from "~/models/questions.server";

type AnswerFields = {
  answer: string;
  title: string;
  description: string;
  activityDate: string;
  amount: string;
  factorIds: string[];
  costLines: { description: string; amount: string }[];
};

const id = (name: string) => `answer-${name.replace(/[[\].]+/g, "-").replace(/-$/, "")}`;
const COST_LINES_SHOWN = 3;

export function AnswerForm({ data, lastResult }: { data: AnswerFormData; lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const locale = useLocale();
  const amount = (cents: number) => formatCents(cents, locale).replace(/^€\s?/, "");
  const lines = [...data.costLines.map((l) => ({ description: l.description, amount: amount(l.cents) }))];
  while (lines.length < Math.max(COST_LINES_SHOWN, data.costLines.length)) lines.push({ description: "", amount: "" });
  const schema = answerSchema({
    t,
    locale,
    factorIds: data.factors.map((f) => f.id),
    maxCents: data.maxCents,
    today: data.today,
    currentActivityDate: data.activityDate,
  });
  const [form, fields] = useForm<AnswerFields>({
    id: "answer",
    lastResult,
    defaultValue: {
      answer: "",
      title: data.title,
      description: data.description,
      activityDate: data.activityDate,
      amount: amount(data.requestedCents),
      factorIds: data.factorIds,
      costLines: lines,
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as never,
  });
  const text = (name: "answer" | "title" | "description" | "activityDate" | "amount", hint: boolean) => {
    const field = fields[name];
    return {
      id: id(name),
      name,
      defaultValue: typeof field.initialValue === "string" ? field.initialValue : undefined,
      "aria-invalid": field.errors ? true : undefined,
      "aria-describedby": describedBy(id(name), hint, field.errors),
    };
  };
  const checked = new Set([fields.factorIds.initialValue].flat().filter((v): v is string => typeof v === "string"));
  const costLines = fields.costLines.getFieldList();
  const summary = summaryItems(form.allErrors, (name) => (name === "factorIds" ? id(`factorIds-${data.factors[0]?.id}`) : id(name)));
  return (
    <Form method="post" id={form.id} noValidate onSubmit={form.onSubmit} className="stacked answer-form">
      <h2>{t("answer.title")}</h2>
      <ErrorSummary items={summary} focusKey={lastResult} />
      <p>{t("answer.intro")}</p>
      <Field id={id("answer")} label={t("answer.label")} hint={t("question.hint.resident", { max: ANSWER_MAX })} errors={fields.answer.errors}>
        <textarea rows={6} {...text("answer", true)} />
      </Field>
      <fieldset className="section">
        <legend>{t("answer.changes")}</legend>
        <p className="field-hint">{t("answer.changesHint")}</p>
        <Field id={id("title")} label={t("form.title.label")} errors={fields.title.errors}>
          <input type="text" maxLength={LIMITS.title} {...text("title", false)} />
        </Field>
        <Field id={id("description")} label={t("form.description.label")} errors={fields.description.errors}>
          <textarea rows={6} maxLength={LIMITS.description} {...text("description", false)} />
        </Field>
        <Field id={id("activityDate")} label={t("form.activityDate.label")} hint={t("form.activityDate.hint")} errors={fields.activityDate.errors}>
          <input type="date" className="input--short" {...text("activityDate", true)} />
        </Field>
        <Field
          id={id("amount")}
          label={t("form.amount.label")}
          hint={t("form.amount.hint", { max: formatCents(data.maxCents, locale) })}
          errors={fields.amount.errors}
        >
          <input type="text" inputMode="decimal" className="input--short" {...text("amount", true)} />
        </Field>
        <fieldset className="group" aria-describedby={describedBy(id("factorIds"), false, fields.factorIds.errors)}>
          <legend className="group-legend">{t("form.factors.legend")}</legend>
          <FieldError id={id("factorIds")} errors={fields.factorIds.errors} />
          {data.factors.map((f) => (
            <div className="choice" key={f.id}>
              <input type="checkbox" id={id(`factorIds-${f.id}`)} name="factorIds" value={f.id} defaultChecked={checked.has(f.id)} />
              <label htmlFor={id(`factorIds-${f.id}`)}>{f.name}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="group" aria-describedby={describedBy(id("costLines"), false, fields.costLines.errors)}>
          <legend className="group-legend">
            {t("form.costs.legend")} <span className="field-optional">{t("field.optional")}</span>
          </legend>
          <FieldError id={id("costLines")} errors={fields.costLines.errors} />
          {costLines.map((line, i) => {
            const set = line.getFieldset();
            return (
              <div className="cost-line" key={line.key}>
                {(["description", "amount"] as const).map((part) => {
                  const fid = id(`costLines-${i}-${part}`);
                  const field = set[part];
                  return (
                    <Field key={part} id={fid} label={t(`form.costs.${part}`, { n: i + 1 })} errors={field.errors}>
                      <input
                        type="text"
                        id={fid}
                        name={field.name}
                        inputMode={part === "amount" ? "decimal" : undefined}
                        defaultValue={typeof field.initialValue === "string" ? field.initialValue : undefined}
                        aria-invalid={field.errors ? true : undefined}
                        aria-describedby={describedBy(fid, false, field.errors)}
                      />
                    </Field>
                  );
                })}
              </div>
            );
          })}
        </fieldset>
      </fieldset>
      <SubmitButton name="intent" value="answer">
        {t("answer.submit")}
      </SubmitButton>
    </Form>
  );
}

/** A refused answer when the form is gone (the question was answered meanwhile, say in another tab). */
export function AnswerRefused({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const messages = Object.values(lastResult?.error ?? {}).flatMap((m) => m ?? []);
  if (messages.length === 0) return null;
  return (
    <p className="notice notice--warning" role="alert">
      {messages.join(" ")}
    </p>
  );
}
