// A form field as residents expect it: label, optional hint, the error right beside it,
// and the ARIA links that tell a screen reader which text belongs to which input.
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";

export function describedBy(id: string, hint: boolean, errors: readonly string[] | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldError({ id, errors }: { id: string; errors?: readonly string[] }) {
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {errors.join(" ")}
    </p>
  );
}

export function Field({
  id,
  label,
  hint,
  errors,
  optional,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
  optional?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className={errors?.length ? "field field--invalid" : "field"}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional ? <span className="field-optional"> {t("field.optional")}</span> : null}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={id} errors={errors} />
      {children}
    </div>
  );
}
