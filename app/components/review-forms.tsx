// The bureau's forms on one application: take, assign, declare a conflict, review the factors,
// approve, decline, confirm or send back, cancel. Each is a plain <Form method="post"> with its
// own intent, checked in the browser by the same schema as on the server (conform), with errors
// beside the fields and in an error summary, and the input kept when the server says no.
import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { z, ZodType } from "zod";
import { CONFLICT_KINDS, HELP_KINDS, JUDGEMENTS } from "~/domain/review";
import { formatCents } from "~/domain/money";
import type { BureauWork } from "~/models/review-views.server";
import { approveSchema, assignSchema, confirmSchema, conflictSchema, declineSchema, reasonSchema, reviewSchema, takeSchema } from "~/forms/review-schema";
import { useLocale, useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/catalogue";
import { describedBy, Field, FieldError } from "./field";
import { ErrorSummary, summaryItems } from "./error-summary";
import { SubmitButton } from "./submit-button";
import { SplitProposal } from "./split-proposal";
import type { SplitView } from "~/models/split-views.server";

export type ReviewIntent = "take" | "assign" | "conflict" | "review" | "approve" | "decline" | "confirm" | "send_back" | "cancel" | "ask_question";
export type ReviewActionData = { intent: ReviewIntent; result: SubmissionResult<string[]> } | undefined;

/** Field ids are the form's intent and the field's name, so two forms on the page never share one. */
const fieldId = (intent: ReviewIntent, name: string) => `${intent}-${name.replace(/[[\].]+/g, "-").replace(/-$/, "")}`;

export function useIntentForm<S extends ZodType<unknown, Record<string, unknown>>>(
  intent: ReviewIntent,
  schema: S,
  actionData: ReviewActionData,
  defaultValue?: Record<string, unknown>,
) {
  const lastResult = actionData?.intent === intent ? actionData.result : undefined;
  const [form, fields] = useForm<z.input<S>>({
    id: intent,
    lastResult,
    defaultValue: defaultValue as never,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as never,
  });
  const summary = <ErrorSummary items={summaryItems(form.allErrors, (name) => fieldId(intent, name))} focusKey={lastResult} />;
  return { form, fields, summary };
}

type TextProps = {
  intent: ReviewIntent;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  initial?: string;
  optional?: boolean;
  multiline?: boolean;
};

export function TextField({ intent, name, label, hint, errors, initial, optional, multiline }: TextProps) {
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
      {multiline ? <textarea {...common} rows={4} /> : <input type="text" {...common} />}
    </Field>
  );
}

function Choices({
  intent,
  name,
  legend,
  options,
  errors,
  initial,
  multiple,
}: {
  intent: ReviewIntent;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  errors?: string[];
  initial?: string | string[];
  multiple?: boolean;
}) {
  const id = fieldId(intent, name);
  const chosen = Array.isArray(initial) ? initial : initial ? [initial] : [];
  return (
    <fieldset className={errors?.length ? "group field--invalid" : "group"} aria-describedby={describedBy(id, false, errors)}>
      <legend className="group-legend">{legend}</legend>
      <FieldError id={id} errors={errors} />
      {options.map((o) => (
        <div className="choice" key={o.value}>
          <input type={multiple ? "checkbox" : "radio"} id={`${id}-${o.value}`} name={name} value={o.value} defaultChecked={chosen.includes(o.value)} />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

const asString = (v: unknown) => (typeof v === "string" ? v : undefined);

export function TakeForm({ actionData }: { actionData: ReviewActionData }) {
  const t = useT();
  const { form, summary } = useIntentForm("take", takeSchema(), actionData);
  return (
    <Form method="post" id={form.id} noValidate onSubmit={form.onSubmit}>
      {summary}
      <SubmitButton name="intent" value="take">
        {t("review.take")}
      </SubmitButton>
    </Form>
  );
}

export function AssignForm({ work, actionData }: { work: BureauWork; actionData: ReviewActionData }) {
  const t = useT();
  const { form, fields, summary } = useIntentForm("assign", assignSchema(t), actionData);
  const id = fieldId("assign", "assignee");
  return (
    <Form method="post" id={form.id} noValidate onSubmit={form.onSubmit}>
      {summary}
      <Field id={id} label={t("review.assign.label")} errors={fields.assignee.errors}>
        <select
          id={id}
          name={fields.assignee.name}
          defaultValue={asString(fields.assignee.initialValue) ?? ""}
          aria-invalid={fields.assignee.errors ? true : undefined}
          aria-describedby={describedBy(id, false, fields.assignee.errors)}
        >
          <option value="">{t("review.add.none")}</option>
          {(work.reviewers ?? []).map((r) => (
            <option key={r.email} value={r.email}>
              {r.name} ({r.email})
            </option>
          ))}
        </select>
      </Field>
      <SubmitButton name="intent" value="assign" secondary>
        {t("review.assign.submit")}
      </SubmitButton>
    </Form>
  );
}

export function ConflictForm({ actionData }: { actionData: ReviewActionData }) {
  const t = useT();
  const { form, fields, summary } = useIntentForm("conflict", conflictSchema(t), actionData);
  return (
    <Form method="post" id={form.id} noValidate onSubmit={form.onSubmit}>
      {summary}
      <p>{t("review.conflict.intro")}</p>
      <Choices
        intent="conflict"
        name="kind"
        legend={t("review.conflict.kind")}
        options={CONFLICT_KINDS.map((k) => ({ value: k, label: t(`review.conflict.kind.${k}`) }))}
        errors={fields.kind.errors}
        initial={asString(fields.kind.initialValue)}
      />
      <TextField
        intent="conflict"
        name="note"
        label={t("review.conflict.note")}
        optional
        multiline
        errors={fields.note.errors}
        initial={asString(fields.note.initialValue)}
      />
      <SubmitButton name="intent" value="conflict" secondary>
        {t("review.conflict.submit")}
      </SubmitButton>
    </Form>
  );
}

export function ReviewForm({ work, actionData }: { work: BureauWork; actionData: ReviewActionData }) {
  const t = useT();
  const defaults = {
    factors: work.factors.map((f) => ({ factorId: f.id, judgement: f.judgement ?? "", motivation: f.motivation ?? "" })),
    note: work.note ?? "",
  };
  const { form, fields, summary } = useIntentForm("review", reviewSchema(t), actionData, defaults);
  const items = fields.factors.getFieldList();
  const judgementOptions = JUDGEMENTS.map((j) => ({ value: j, label: t(`review.judgement.${j}`) }));
  return (
    <Form method="post" id={form.id} noValidate onSubmit={form.onSubmit}>
      {summary}
      <p>{t("review.judgements.intro")}</p>
      {work.factors.map((factor, i) => {
        const f = items[i]?.getFieldset();
        return (
          <fieldset className="section review-factor" key={factor.id}>
            <legend>
              {factor.name}
              {factor.declared ? null : <span className="field-optional"> ({t("review.addedByBureau")})</span>}
            </legend>
            <input type="hidden" name={`factors[${i}].factorId`} value={factor.id} />
            <Choices
              intent="review"
              name={`factors[${i}].judgement`}
              legend={t("review.judgement")}
              options={judgementOptions}
              errors={f?.judgement.errors}
              initial={asString(f?.judgement.initialValue)}
            />
            <TextField
              intent="review"
              name={`factors[${i}].motivation`}
              label={t("review.motivation")}
              multiline
              errors={f?.motivation.errors}
              initial={asString(f?.motivation.initialValue)}
            />
          </fieldset>
        );
      })}
      {work.otherFactors.length > 0 ? (
        <fieldset className="section review-factor">
          <legend>{t("review.add.factor")}</legend>
          <Field id={fieldId("review", "addFactor")} label={t("review.add.which")} errors={fields.addFactor.errors} optional>
            <select
              id={fieldId("review", "addFactor")}
              name="addFactor"
              defaultValue={asString(fields.addFactor.initialValue) ?? ""}
              aria-invalid={fields.addFactor.errors ? true : undefined}
              aria-describedby={describedBy(fieldId("review", "addFactor"), false, fields.addFactor.errors)}
            >
              <option value="">{t("review.add.none")}</option>
              {work.otherFactors.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </Field>
          <Choices
            intent="review"
            name="addJudgement"
            legend={t("review.add.judgement")}
            options={judgementOptions}
            errors={fields.addJudgement.errors}
            initial={asString(fields.addJudgement.initialValue)}
          />
          <TextField
            intent="review"
            name="addMotivation"
            label={t("review.add.motivation")}
            multiline
            errors={fields.addMotivation.errors}
            initial={asString(fields.addMotivation.initialValue)}
          />
        </fieldset>
      ) : null}
      <TextField
        intent="review"
        name="note"
        label={t("review.note")}
        hint={t("review.note.hint")}
        optional
        multiline
        errors={fields.note.errors}
        initial={asString(fields.note.initialValue)}
      />
      <SubmitButton name="intent" value="review">
        {t("review.save")}
      </SubmitButton>
    </Form>
  );
}

function OverrideWarning({ work }: { work: BureauWork }) {
  const t = useT();
  if (work.overrideRules.length === 0) return null;
  return (
    <p className="notice notice--warning" role="note">
      {t("review.override.warning", { rules: work.overrideRules.map((r) => t(`lifecycle.override.${r}` as MessageKey)).join(", ") })}
    </p>
  );
}

export function ApproveForm({ work, actionData, split }: { work: BureauWork; actionData: ReviewActionData; split?: SplitView | null }) {
  const t = useT();
  const locale = useLocale();
  const { form, fields, summary } = useIntentForm("approve", approveSchema(t, locale), actionData, {
    amount: formatCents(work.requestedCents, locale).replace(/^€\s?/, ""),
  });
  const help = fields.help.initialValue;
  return (
    <Form method="post" id={form.id} noValidate onSubmit={form.onSubmit}>
      <h3>{t("review.approve.title")}</h3>
      {summary}
      <OverrideWarning work={work} />
      <Field
        id={fieldId("approve", "amount")}
        label={t("review.approve.amount")}
        hint={t("review.approve.amountHint", { requested: formatCents(work.requestedCents, locale), threshold: formatCents(work.thresholdCents, locale) })}
        errors={fields.amount.errors}
      >
        <input
          type="text"
          inputMode="decimal"
          className="input--short"
          id={fieldId("approve", "amount")}
          name="amount"
          defaultValue={asString(fields.amount.initialValue) ?? ""}
          aria-invalid={fields.amount.errors ? true : undefined}
          aria-describedby={describedBy(fieldId("approve", "amount"), true, fields.amount.errors)}
        />
      </Field>
      {split ? <SplitProposal split={split} /> : null}
      <TextField
        intent="approve"
        name="conditions"
        label={t("review.approve.conditions")}
        hint={t("review.approve.conditionsHint")}
        optional
        multiline
        errors={fields.conditions.errors}
        initial={asString(fields.conditions.initialValue)}
      />
      <Choices
        intent="approve"
        name="help"
        legend={t("review.approve.help")}
        multiple
        options={HELP_KINDS.map((h) => ({ value: h, label: t(`review.help.${h}`) }))}
        errors={fields.help.errors}
        initial={Array.isArray(help) ? (help as string[]) : asString(help)}
      />
      {work.overrideRules.length > 0 ? (
        <TextField
          intent="approve"
          name="overrideReason"
          label={t("review.override.reason")}
          multiline
          errors={fields.overrideReason.errors}
          initial={asString(fields.overrideReason.initialValue)}
        />
      ) : null}
      <SubmitButton name="intent" value="approve">
        {t("review.approve.submit")}
      </SubmitButton>
    </Form>
  );
}

export function DeclineForm({ actionData }: { actionData: ReviewActionData }) {
  const t = useT();
  const { form, fields, summary } = useIntentForm("decline", declineSchema(t), actionData);
  return (
    <Form method="post" id={form.id} noValidate onSubmit={form.onSubmit}>
      <h3>{t("review.decline.title")}</h3>
      {summary}
      <TextField
        intent="decline"
        name="reason"
        label={t("review.decline.reason")}
        hint={t("review.decline.reasonHint")}
        multiline
        errors={fields.reason.errors}
        initial={asString(fields.reason.initialValue)}
      />
      <TextField
        intent="decline"
        name="alternatives"
        label={t("review.decline.alternatives")}
        multiline
        errors={fields.alternatives.errors}
        initial={asString(fields.alternatives.initialValue)}
      />
      <SubmitButton name="intent" value="decline" secondary>
        {t("review.decline.submit")}
      </SubmitButton>
    </Form>
  );
}

export function SecondReviewForms({ work, actionData, split }: { work: BureauWork; actionData: ReviewActionData; split?: SplitView | null }) {
  const t = useT();
  const locale = useLocale();
  const confirm = useIntentForm("confirm", confirmSchema(t), actionData);
  const back = useIntentForm("send_back", reasonSchema(t), actionData);
  return (
    <>
      <h3>{t("review.second.title")}</h3>
      <p>{t("review.second.intro", { name: work.firstApproverName ?? "", threshold: formatCents(work.thresholdCents, locale) })}</p>
      {work.decision?.kind === "approved" ? (
        <dl className="details">
          <dt>{t("review.approve.amount")}</dt>
          <dd>{formatCents(work.decision.grantedCents, locale)}</dd>
          <dt>{t("review.approve.conditions")}</dt>
          <dd>{work.decision.conditions ?? "–"}</dd>
          <dt>{t("review.approve.help")}</dt>
          <dd>{work.decision.help.length > 0 ? work.decision.help.map((h) => t(`review.help.${h}`)).join(", ") : "–"}</dd>
        </dl>
      ) : null}
      {split ? <SplitProposal split={split} /> : null}
      <Form method="post" id={confirm.form.id} noValidate onSubmit={confirm.form.onSubmit}>
        {confirm.summary}
        <OverrideWarning work={work} />
        {work.overrideRules.length > 0 ? (
          <TextField
            intent="confirm"
            name="overrideReason"
            label={t("review.override.reason")}
            multiline
            errors={confirm.fields.overrideReason.errors}
            initial={asString(confirm.fields.overrideReason.initialValue)}
          />
        ) : null}
        <SubmitButton name="intent" value="confirm">
          {t("review.confirm.submit")}
        </SubmitButton>
      </Form>
      <Form method="post" id={back.form.id} noValidate onSubmit={back.form.onSubmit} className="spaced">
        {back.summary}
        <TextField
          intent="send_back"
          name="reason"
          label={t("review.sendBack.reason")}
          multiline
          errors={back.fields.reason.errors}
          initial={asString(back.fields.reason.initialValue)}
        />
        <SubmitButton name="intent" value="send_back" secondary>
          {t("review.sendBack.submit")}
        </SubmitButton>
      </Form>
    </>
  );
}

export function CancelForm({ actionData }: { actionData: ReviewActionData }) {
  const t = useT();
  const { form, fields, summary } = useIntentForm("cancel", reasonSchema(t), actionData);
  return (
    <Form method="post" id={form.id} noValidate onSubmit={form.onSubmit}>
      <h3>{t("review.cancel.title")}</h3>
      {summary}
      <TextField
        intent="cancel"
        name="reason"
        label={t("review.cancel.reason")}
        multiline
        errors={fields.reason.errors}
        initial={asString(fields.reason.initialValue)}
      />
      <SubmitButton name="intent" value="cancel" secondary>
        {t("review.cancel.submit")}
      </SubmitButton>
    </Form>
  );
}
