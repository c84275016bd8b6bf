// What happened to the application, as the resident reads it: one plain sentence and a date per
// step (models/resident-history.server.ts decides which steps; nothing of the bureau's own work).
// The same on the resident's page and behind the status link.
import type { ResidentHistoryEntry } from "~/models/resident-history.server";
import { formatCents } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "./format";

export function ResidentHistory({ entries }: { entries: ResidentHistoryEntry[] }) {
  const t = useT();
  const locale = useLocale();
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="resident-history">
      <h2 id="resident-history">{t("resident.history.title")}</h2>
      <ol className="history">
        {entries.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{formatDate(amsterdamDay(e.at), locale)}</time>:{" "}
            {e.step === "approved" && e.grantedCents !== undefined
              ? t("resident.history.step.approvedAmount", { amount: formatCents(e.grantedCents, locale) })
              : t(`resident.history.step.${e.step}`)}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The day in Amsterdam of a moment (formatDate reads a calendar date). */
function amsterdamDay(iso: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date(iso));
}
