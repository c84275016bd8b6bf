// The decision as the resident reads it, on their own page and behind the status link (and the
// same words on the bureau's page): the amount, conditions and help offered, or the reason and
// what they could do instead.
import type { ResidentDecision } from "~/models/decisions.server";
import { formatCents } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/catalogue";

export function DecisionSummary({ decision, heading = "decision.title" }: { decision: ResidentDecision | null; heading?: MessageKey }) {
  const t = useT();
  const locale = useLocale();
  if (!decision) return null;
  return (
    <section className="notice decision" aria-labelledby="decision-title">
      <h2 id="decision-title">{t(heading)}</h2>
      {decision.kind === "approved" ? (
        <>
          <p>{t("decision.approved", { amount: formatCents(decision.grantedCents, locale) })}</p>
          <dl className="details">
            {decision.conditions ? (
              <>
                <dt>{t("decision.conditions")}</dt>
                <dd>{decision.conditions}</dd>
              </>
            ) : null}
            {decision.help.length > 0 ? (
              <>
                <dt>{t("decision.help")}</dt>
                <dd>
                  <ul>
                    {decision.help.map((h) => (
                      <li key={h}>{t(`review.help.${h}`)}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
        </>
      ) : (
        <>
          <p>{decision.kind === "declined" ? t("decision.declined") : t("decision.cancelled")}</p>
          <dl className="details">
            <dt>{t("decision.reason")}</dt>
            <dd>{decision.reason}</dd>
            {decision.kind === "declined" && decision.alternatives ? (
              <>
                <dt>{t("decision.alternatives")}</dt>
                <dd>{decision.alternatives}</dd>
              </>
            ) : null}
          </dl>
        </>
      )}
    </section>
  );
}
