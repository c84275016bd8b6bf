// The form's two optional questions (issue 15): what help besides money the resident needs (the
// same choices the bureau offers with a decision, in the same words) and how they came to the
// fund. Plain checkboxes and radios, no script: the "Anders" text field is always there.
import type { FieldMetadata } from "@conform-to/react";
import { HELP_KINDS } from "~/domain/review";
import { FOUND_VIA, LIMITS } from "~/forms/application-schema";
import { useT } from "~/i18n/use-t";
import { describedBy, Field, FieldError } from "./field";

type Fields = {
  helpWanted: FieldMetadata<unknown, Record<string, unknown>, string[]>;
  foundVia: FieldMetadata<unknown, Record<string, unknown>, string[]>;
  foundViaOther: FieldMetadata<unknown, Record<string, unknown>, string[]>;
};

const chosen = (value: unknown) => new Set([value].flat().filter((v): v is string => typeof v === "string"));

export function OutreachQuestions({ fields, id }: { fields: Fields; id: (name: string) => string }) {
  const t = useT();
  const help = chosen(fields.helpWanted.initialValue);
  const via = chosen(fields.foundVia.initialValue);
  const other = id("foundViaOther");
  return (
    <>
      <fieldset className="section" aria-describedby={describedBy(id("helpWanted"), true, fields.helpWanted.errors)}>
        <legend>
          {t("form.helpWanted.legend")} <span className="field-optional">{t("field.optional")}</span>
        </legend>
        <p className="field-hint" id={`${id("helpWanted")}-hint`}>
          {t("form.helpWanted.hint")}
        </p>
        <FieldError id={id("helpWanted")} errors={fields.helpWanted.errors} />
        {HELP_KINDS.map((kind) => (
          <div className="choice" key={kind}>
            <input type="checkbox" id={id(`helpWanted-${kind}`)} name={fields.helpWanted.name} value={kind} defaultChecked={help.has(kind)} />
            <label htmlFor={id(`helpWanted-${kind}`)}>{t(`review.help.${kind}`)}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className="section" aria-describedby={describedBy(id("foundVia"), true, fields.foundVia.errors)}>
        <legend>
          {t("form.foundVia.legend")} <span className="field-optional">{t("field.optional")}</span>
        </legend>
        <p className="field-hint" id={`${id("foundVia")}-hint`}>
          {t("form.foundVia.hint")}
        </p>
        <FieldError id={id("foundVia")} errors={fields.foundVia.errors} />
        {FOUND_VIA.map((way) => (
          <div className="choice" key={way}>
            <input type="radio" id={id(`foundVia-${way}`)} name={fields.foundVia.name} value={way} defaultChecked={via.has(way)} />
            <label htmlFor={id(`foundVia-${way}`)}>{t(`form.foundVia.${way}`)}</label>
          </div>
        ))}
        <Field id={other} label={t("form.foundViaOther.label")} optional errors={fields.foundViaOther.errors}>
          <input
            type="text"
            id={other}
            name={fields.foundViaOther.name}
            maxLength={LIMITS.foundViaOther}
            defaultValue={typeof fields.foundViaOther.initialValue === "string" ? fields.foundViaOther.initialValue : undefined}
            aria-invalid={fields.foundViaOther.errors ? true : undefined}
            aria-describedby={describedBy(other, false, fields.foundViaOther.errors)}
          />
        </Field>
      </fieldset>
    </>
  );
}
