// The resident's application form. Plain HTML form first (works with JavaScript off);
// with JavaScript on, conform checks each field with the same zod schema as the server.
import { useState } from "react";
import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { applicationSchema, draftSchema, HONEYPOT_FIELD, LIMITS, type ApplicationFormContext } from "~/forms/application-schema";
import { OutreachQuestions } from "./outreach-questions";
import { formatCents, parseAmount } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";
import { Field, FieldError, describedBy } from "./field";
import { ErrorSummary, summaryItems } from "./error-summary";
import { SubmitButton } from "./submit-button";

export type ApplicationFormProps = {
  areas: { id: string; name: string; kind: "wijk" | "buurt" }[];
  factors: { id: string; name: string; explanation: string }[];
  maxCents: number;
  today: string;
  onBehalf: boolean;
  submissionKey: string;
  draftToken: string | null;
  defaultValue: Record<string, unknown> | null;
  lastResult: SubmissionResult<string[]> | null | undefined;
};

const id = (name: string) => `f-${name.replace(/[[\].]+/g, "-").replace(/-$/, "")}`;
const DEFAULT_COST_LINES = 3;

export function ApplicationForm(props: ApplicationFormProps) {
  const t = useT();
  const locale = useLocale();
  const ctx: ApplicationFormContext = {
    t,
    locale,
    areas: props.areas,
    factorIds: props.factors.map((f) => f.id),
    maxCents: props.maxCents,
    today: props.today,
    onBehalf: props.onBehalf,
  };
  const defaults = props.defaultValue ?? {};
  const [form, fields] = useForm({
    id: "application",
    lastResult: props.lastResult,
    defaultValue: {
      ...defaults,
      costLines:
        Array.isArray(defaults.costLines) && defaults.costLines.length > 0 ? defaults.costLines : Array.from({ length: DEFAULT_COST_LINES }, () => ({})),
    },
    // Check on submit, not on blur: a message appearing as a resident leaves a field moves the page
    // under their finger. Once shown, a message updates as they type.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate({ formData }) {
      const schema = formData.get("intent") === "draft" ? draftSchema(ctx) : applicationSchema(ctx);
      return parseWithZod(formData, { schema });
    },
  });

  const [submits, setSubmits] = useState(0);
  // A group's error links to its first input.
  const summary = summaryItems(
    form.allErrors,
    (name) =>
      name === "factorIds"
        ? id(`factorIds-${props.factors[0]?.id}`)
        : name === "costLines"
          ? id("costLines-0-description")
          : name === "publicConsent"
            ? id("publicConsent-yes")
            : name === "helpWanted"
              ? id("helpWanted-space")
              : name === "foundVia"
                ? id("foundVia-poster")
                : id(name),
    ["submissionKey"],
  );

  const input = (name: keyof typeof fields, hint: boolean) => {
    const field = fields[name];
    return {
      id: id(name),
      name: field.name,
      defaultValue: typeof field.initialValue === "string" ? field.initialValue : undefined,
      "aria-invalid": field.errors ? true : undefined,
      "aria-describedby": describedBy(id(name), hint, field.errors),
    };
  };

  const checkedFactors = new Set([fields.factorIds.initialValue].flat().filter((v): v is string => typeof v === "string"));
  const costLines = fields.costLines.getFieldList();
  const costTotal = costLines.reduce((sum, line) => {
    const value = line.getFieldset().amount.value;
    const parsed = typeof value === "string" ? parseAmount(value) : null;
    return parsed?.ok ? sum + parsed.cents : sum;
  }, 0);
  const wijken = props.areas.filter((a) => a.kind === "wijk");
  const buurten = props.areas.filter((a) => a.kind === "buurt");

  return (
    <Form
      method="post"
      id={form.id}
      onSubmit={(event) => {
        // conform re-checks fields by submitting with an "__intent__" button; only a real send moves focus.
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        if (submitter?.getAttribute("name") !== "__intent__") setSubmits((n) => n + 1);
        form.onSubmit(event);
      }}
      noValidate
      className="stacked"
      aria-describedby="form-intro"
    >
      <ErrorSummary items={summary} focusKey={`${submits}-${props.lastResult ? JSON.stringify(props.lastResult.error) : ""}`} />
      <p id="form-intro">{t("form.intro")}</p>
      {props.onBehalf ? (
        <div className="notice">
          <h2 className="notice-title">{t("form.onBehalf.title")}</h2>
          <p>{t("form.onBehalf.text")}</p>
        </div>
      ) : null}
      <input type="hidden" name="submissionKey" value={props.submissionKey} />
      {props.draftToken ? <input type="hidden" name="draftToken" value={props.draftToken} /> : null}
      {/* For robots only: hidden from people, screen readers and the keyboard. */}
      <div className="visually-off" aria-hidden="true">
        <label htmlFor={id(HONEYPOT_FIELD)}>{t("limits.honeypot.label")}</label>
        <input type="text" id={id(HONEYPOT_FIELD)} name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <fieldset className="section">
        <legend>{props.onBehalf ? t("form.section.resident") : t("form.section.you")}</legend>
        <Field id={id("name")} label={props.onBehalf ? t("form.name.labelOnBehalf") : t("form.name.label")} errors={fields.name.errors}>
          <input type="text" autoComplete={props.onBehalf ? "off" : "name"} maxLength={LIMITS.name} {...input("name", false)} />
        </Field>
        <Field
          id={id("email")}
          label={props.onBehalf ? t("form.email.labelOnBehalf") : t("form.email.label")}
          hint={props.onBehalf ? t("form.phone.hint") : t("form.email.hint")}
          optional={props.onBehalf}
          errors={fields.email.errors}
        >
          <input type="email" autoComplete={props.onBehalf ? "off" : "email"} inputMode="email" maxLength={LIMITS.email} {...input("email", true)} />
        </Field>
        {props.onBehalf ? (
          <Field id={id("phone")} label={t("form.phone.label")} optional errors={fields.phone.errors}>
            <input type="tel" autoComplete="off" inputMode="tel" className="input--short" {...input("phone", false)} />
          </Field>
        ) : null}
      </fieldset>

      <fieldset className="section">
        <legend>{t("form.section.idea")}</legend>
        <Field id={id("areaId")} label={t("form.area.label")} errors={fields.areaId.errors}>
          <select {...input("areaId", false)}>
            <option value="">{t("form.area.choose")}</option>
            <optgroup label={t("form.area.wijk")}>
              {wijken.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("form.area.buurt")}>
              {buurten.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </optgroup>
          </select>
        </Field>
        <Field id={id("title")} label={t("form.title.label")} hint={t("form.title.hint")} errors={fields.title.errors}>
          <input type="text" maxLength={LIMITS.title} {...input("title", true)} />
        </Field>
        <Field id={id("description")} label={t("form.description.label")} hint={t("form.description.hint")} errors={fields.description.errors}>
          <textarea rows={6} maxLength={LIMITS.description} {...input("description", true)} />
        </Field>
        <Field id={id("activityDate")} label={t("form.activityDate.label")} hint={t("form.activityDate.hint")} errors={fields.activityDate.errors}>
          <input type="date" min={props.today} className="input--short" {...input("activityDate", true)} />
        </Field>
        <Field id={id("participants")} label={t("form.participants.label")} errors={fields.participants.errors}>
          <input type="text" inputMode="numeric" className="input--short" {...input("participants", false)} />
        </Field>
      </fieldset>

      <fieldset className="section" aria-describedby={describedBy(id("factorIds"), true, fields.factorIds.errors)}>
        <legend>{t("form.factors.legend")}</legend>
        <p className="field-hint" id={`${id("factorIds")}-hint`}>
          {t("form.factors.hint")}
        </p>
        <details className="help">
          <summary>{t("form.factors.help.title")}</summary>
          <div>
            <p>{t("form.factors.help.text")}</p>
          </div>
        </details>
        <FieldError id={id("factorIds")} errors={fields.factorIds.errors} />
        {props.factors.map((f) => {
          const fid = id(`factorIds-${f.id}`);
          return (
            <div className="choice" key={f.id}>
              <input
                type="checkbox"
                id={fid}
                name={fields.factorIds.name}
                value={f.id}
                defaultChecked={checkedFactors.has(f.id)}
                aria-describedby={`${fid}-text`}
              />
              <label htmlFor={fid}>
                {f.name}
                <span className="choice-text" id={`${fid}-text`}>
                  {f.explanation}
                </span>
              </label>
            </div>
          );
        })}
      </fieldset>

      <fieldset className="section">
        <legend>{t("form.section.money")}</legend>
        <Field
          id={id("amount")}
          label={t("form.amount.label")}
          hint={t("form.amount.hint", { max: formatCents(props.maxCents, locale) })}
          errors={fields.amount.errors}
        >
          <input type="text" inputMode="decimal" className="input--short" {...input("amount", true)} />
        </Field>
        <fieldset className="group" aria-describedby={describedBy(id("costLines"), true, fields.costLines.errors)}>
          <legend className="group-legend">
            {t("form.costs.legend")} <span className="field-optional">{t("field.optional")}</span>
          </legend>
          <p className="field-hint" id={`${id("costLines")}-hint`}>
            {t("form.costs.hint")}
          </p>
          <FieldError id={id("costLines")} errors={fields.costLines.errors} />
          {costLines.map((line, i) => {
            const set = line.getFieldset();
            const d = id(`costLines-${i}-description`);
            const a = id(`costLines-${i}-amount`);
            return (
              <div className="cost-line" key={line.key}>
                <Field id={d} label={t("form.costs.description", { n: i + 1 })} errors={set.description.errors}>
                  <input
                    type="text"
                    id={d}
                    name={set.description.name}
                    defaultValue={set.description.initialValue as string | undefined}
                    maxLength={LIMITS.costDescription}
                    aria-invalid={set.description.errors ? true : undefined}
                    aria-describedby={describedBy(d, false, set.description.errors)}
                  />
                </Field>
                <Field id={a} label={t("form.costs.amount", { n: i + 1 })} errors={set.amount.errors}>
                  <input
                    type="text"
                    id={a}
                    name={set.amount.name}
                    inputMode="decimal"
                    defaultValue={set.amount.initialValue as string | undefined}
                    aria-invalid={set.amount.errors ? true : undefined}
                    aria-describedby={describedBy(a, false, set.amount.errors)}
                  />
                </Field>
              </div>
            );
          })}
          {costTotal > 0 ? <p aria-live="polite">{t("form.costs.total", { total: formatCents(costTotal, locale) })}</p> : null}
          {costLines.length < LIMITS.costLines ? (
            <button className="button button--secondary" {...form.insert.getButtonProps({ name: fields.costLines.name, defaultValue: {} })}>
              {t("form.costs.add")}
            </button>
          ) : null}
        </fieldset>
      </fieldset>

      <OutreachQuestions fields={fields} id={id} />

      <fieldset className="section" aria-describedby={describedBy(id("publicConsent"), true, fields.publicConsent.errors)}>
        <legend>{t("form.consent.legend")}</legend>
        <p className="field-hint" id={`${id("publicConsent")}-hint`}>
          {t("form.consent.hint")}
        </p>
        <FieldError id={id("publicConsent")} errors={fields.publicConsent.errors} />
        {(["yes", "no"] as const).map((value) => (
          <div className="choice" key={value}>
            <input
              type="radio"
              id={id(`publicConsent-${value}`)}
              name={fields.publicConsent.name}
              value={value}
              defaultChecked={fields.publicConsent.initialValue === value}
            />
            <label htmlFor={id(`publicConsent-${value}`)}>{value === "yes" ? t("form.consent.yes") : t("form.consent.no")}</label>
          </div>
        ))}
      </fieldset>

      <div className="button-row">
        <SubmitButton name="intent" value="submit">
          {t("form.submit")}
        </SubmitButton>
        <SubmitButton name="intent" value="draft" secondary aria-describedby="draft-hint" formNoValidate>
          {t("form.saveDraft")}
        </SubmitButton>
      </div>
      <p className="field-hint" id="draft-hint">
        {t("form.saveDraft.hint")}
      </p>
    </Form>
  );
}
