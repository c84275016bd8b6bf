// The bureau's history line for an applicant's changes: "Aangepast: bedrag (€ 250,00 → € 400,00), beschrijving".
import type { ApplicantChange } from "~/models/applicant-changes.server";
import { formatCents } from "~/domain/money";
import type { Locale, Translate } from "~/i18n/translate";
import { formatDate } from "./format";

export function applicantChangesText(t: Translate, locale: Locale, changes: ApplicantChange[]): string {
  const shown = (c: ApplicantChange, v: string | number | undefined) =>
    v === undefined
      ? "–"
      : c.field === "requestedCents" && typeof v === "number"
        ? formatCents(v, locale)
        : c.field === "activityDate"
          ? formatDate(String(v), locale)
          : String(v);
  const fields = changes.map((c) => {
    const name = t(`history.field.${c.field}`);
    return "before" in c || "after" in c ? `${name} (${shown(c, c.before)} → ${shown(c, c.after)})` : name;
  });
  return t("history.changed", { fields: fields.join(", ") });
}
