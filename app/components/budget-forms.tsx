// The fund administrator's budget forms: create a pot, register a contribution in kind (on the
// dashboard) and extend a pot's end (on the pot's page). Plain forms with an intent, checked in
// the browser by the same schema as on the server, errors beside the fields and in a summary,
// input kept when the server says no.
import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { ZodType } from "zod";
import { createPotSchema, extendEndSchema, inKindSchema, IN_KIND_DESCRIPTION_MAX, POT_NAME_MAX } from "~/forms/budget-schema";
import { REASON_MAX } from "~/forms/fields";
import { useLocale, useT } from "~/i18n/use-t";
import { describedBy, Field } from "./field";
import { ErrorSummary, summaryItems } from "./error-summary";
import { SubmitButton } from "./submit-button";

export type BudgetIntent = "create_pot" | "register_in_kind" | "extend_end";
export type BudgetActionData = { intent: BudgetIntent; result: SubmissionResult<string[]> } | undefined;

const fieldId = (intent: BudgetIntent, name: string) => `${intent}-${name}`;

function useBudgetForm(intent: BudgetIntent, schema: ZodType, actionData: BudgetActionData) {
  const lastResult = actionData?.intent === intent ? actionData.result : undefined;
  const [form, fields] = useForm<Record<string, unknown>>({
    id: intent,
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as never,
  });
  const summary = <ErrorSummary items={summaryItems(form.allErrors, (name) => fieldId(intent, name))} focusKey={lastResult} />;
  const errorsOf = (name: string) => fields[name]?.errors;
  const initialOf = (name: string) => {
    const v = fields[name]?.initialValue;
    return typeof v === "string" ? v : undefined;
  };
  return { form, summary, errorsOf, initialOf };
}

type InputProps = {
  intent: BudgetIntent;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  initial?: string;
  optional?: boolean;
  type?: "text" | "date";
  multiline?: boolean;
  inputMode?: "decimal";
};

function Input({ intent, name, label, hint, errors, initial, optional, type = "text", multiline, inputMode }: InputProps) {
  const id = fieldId(intent, name);
  const common = {
    id,
    name,
    defaultValue: initial ?? "",
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy(id, !!hint, errors),
  };
  return (
    <Field id={id} label={label} hint={hint} errors={errors} optional={optional}>
      {multiline ? <textarea {...common} rows={3} /> : <input type={type} inputMode={inputMode} {...common} />}
    </Field>
  );
}

function FunderSelect({ intent, funders, errors, initial }: { intent: BudgetIntent; funders: Option[]; errors?: string[]; initial?: string }) {
  const t = useT();
  const id = fieldId(intent, "funderId");
  return (
    <Field id={id} label={t("budget.form.funder")} errors={errors}>
      <select
        id={id}
        name="funderId"
        defaultValue={initial ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, false, errors)}
      >
        <option value="">{t("budget.form.choose")}</option>
        {funders.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

type Option = { id: string; name: string };

/** Whose money (or help) and for which days: the same three fields on both forms that need them. */
function FunderAndPeriod({
  intent,
  funders,
  errorsOf,
  initialOf,
}: {
  intent: BudgetIntent;
  funders: Option[];
  errorsOf: (name: string) => string[] | undefined;
  initialOf: (name: string) => string | undefined;
}) {
  const t = useT();
  return (
    <>
      <FunderSelect intent={intent} funders={funders} errors={errorsOf("funderId")} initial={initialOf("funderId")} />
      {(["periodStart", "periodEnd"] as const).map((name) => (
        <Input
          key={name}
          intent={intent}
          name={name}
          type="date"
          label={t(`budget.form.${name}`)}
          hint={t("budget.form.dateHint")}
          errors={errorsOf(name)}
          initial={initialOf(name)}
        />
      ))}
    </>
  );
}

function Checkboxes({ name, legend, options }: { name: string; legend: string; options: Option[] }) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {options.map((o) => (
        <div key={o.id} className="choice">
          <input type="checkbox" id={`create_pot-${name}-${o.id}`} name={name} value={o.id} />
          <label htmlFor={`create_pot-${name}-${o.id}`}>{o.name}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function CreatePotForm({
  actionData,
  funders,
  areas,
  factors,
  potId,
}: {
  actionData: BudgetActionData;
  funders: Option[];
  areas: Option[];
  factors: Option[];
  potId: string;
}) {
  const t = useT();
  const locale = useLocale();
  const { form, summary, errorsOf, initialOf } = useBudgetForm("create_pot", createPotSchema({ t, locale }), actionData);
  const intent = "create_pot";
  return (
    <Form method="post" id={form.id} noValidate onSubmit={form.onSubmit}>
      <h2>{t("budget.create.title")}</h2>
      {summary}
      <input type="hidden" name="potId" value={potId} />
      <Input
        intent={intent}
        name="name"
        label={t("budget.form.name")}
        hint={t("budget.form.nameHint", { max: POT_NAME_MAX })}
        errors={errorsOf("name")}
        initial={initialOf("name")}
      />
      <FunderAndPeriod intent={intent} funders={funders} errorsOf={errorsOf} initialOf={initialOf} />
      <Input
        intent={intent}
        name="budget"
        inputMode="decimal"
        label={t("budget.form.budget")}
        hint={t("budget.form.amountHint")}
        errors={errorsOf("budget")}
        initial={initialOf("budget")}
      />
      <details>
        <summary>{t("budget.create.earmarks")}</summary>
        <p>{t("budget.create.earmarksIntro")}</p>
        <Checkboxes name="areaIds" legend={t("budget.form.areas")} options={areas} />
        <Checkboxes name="factorIds" legend={t("budget.form.factors")} options={factors} />
        <Input
          intent={intent}
          name="maxPerGrant"
          inputMode="decimal"
          optional
          label={t("budget.form.maxPerGrant")}
          hint={t("budget.form.amountHint")}
          errors={errorsOf("maxPerGrant")}
          initial={initialOf("maxPerGrant")}
        />
      </details>
      <SubmitButton name="intent" value={intent}>
        {t("budget.create.submit")}
      </SubmitButton>
    </Form>
  );
}

export function InKindForm({ actionData, funders }: { actionData: BudgetActionData; funders: Option[] }) {
  const t = useT();
  const locale = useLocale();
  const intent = "register_in_kind";
  const { form, summary, errorsOf, initialOf } = useBudgetForm(intent, inKindSchema({ t, locale }), actionData);
  return (
    <Form method="post" id={form.id} noValidate onSubmit={form.onSubmit}>
      <h2>{t("budget.inKind.formTitle")}</h2>
      {summary}
      <p>{t("budget.inKind.formIntro")}</p>
      <FunderAndPeriod intent={intent} funders={funders} errorsOf={errorsOf} initialOf={initialOf} />
      <Input
        intent={intent}
        name="description"
        multiline
        label={t("budget.form.description")}
        hint={t("budget.form.descriptionHint", { max: IN_KIND_DESCRIPTION_MAX })}
        errors={errorsOf("description")}
        initial={initialOf("description")}
      />
      <Input
        intent={intent}
        name="value"
        inputMode="decimal"
        label={t("budget.form.value")}
        hint={t("budget.form.amountHint")}
        errors={errorsOf("value")}
        initial={initialOf("value")}
      />
      <SubmitButton name="intent" value={intent} secondary>
        {t("budget.inKind.submit")}
      </SubmitButton>
    </Form>
  );
}

export function ExtendEndForm({ actionData }: { actionData: BudgetActionData }) {
  const t = useT();
  const intent = "extend_end";
  const { form, summary, errorsOf, initialOf } = useBudgetForm(intent, extendEndSchema(t), actionData);
  return (
    <Form method="post" id={form.id} noValidate onSubmit={form.onSubmit}>
      <h2>{t("budget.extend.title")}</h2>
      {summary}
      <p>{t("budget.extend.intro")}</p>
      <Input
        intent={intent}
        name="newEnd"
        type="date"
        label={t("budget.extend.newEnd")}
        hint={t("budget.form.dateHint")}
        errors={errorsOf("newEnd")}
        initial={initialOf("newEnd")}
      />
      <Input
        intent={intent}
        name="reason"
        multiline
        label={t("budget.extend.reason")}
        hint={t("budget.extend.reasonHint", { max: REASON_MAX })}
        errors={errorsOf("reason")}
        initial={initialOf("reason")}
      />
      <SubmitButton name="intent" value={intent}>
        {t("budget.extend.submit")}
      </SubmitButton>
    </Form>
  );
}
