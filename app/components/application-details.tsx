// The facts of one application, for its applicant and for the bureau.
import type { ApplicationDetail } from "~/models/applications.server";
import { formatCents } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "./format";

export function ApplicationDetails({ application: a, showContact }: { application: ApplicationDetail; showContact: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <dl className="details">
      {showContact ? (
        <>
          <dt>{t("detail.applicant")}</dt>
          <dd>{a.applicantName}</dd>
          <dt>{t("detail.contact")}</dt>
          <dd>{[a.applicantEmail, a.applicantPhone].filter(Boolean).join(" · ")}</dd>
          {a.submittedByName ? (
            <>
              <dt>{t("detail.submittedBy")}</dt>
              <dd>{a.submittedByName}</dd>
            </>
          ) : null}
        </>
      ) : null}
      <dt>{t("detail.area")}</dt>
      <dd>{a.areaName}</dd>
      <dt>{t("detail.factors")}</dt>
      <dd>{a.factors.map((f) => f.name).join(", ")}</dd>
      <dt>{t("detail.description")}</dt>
      <dd>{a.description}</dd>
      <dt>{t("detail.activityDate")}</dt>
      <dd>{formatDate(a.activityDate, locale)}</dd>
      <dt>{t("detail.participants")}</dt>
      <dd>{a.participants}</dd>
      <dt>{t("detail.amount")}</dt>
      <dd>{formatCents(a.requestedCents, locale)}</dd>
      {a.costLines.length > 0 ? (
        <>
          <dt>{t("detail.costs")}</dt>
          <dd>
            <ul>
              {a.costLines.map((l, i) => (
                <li key={i}>
                  {l.description}: {formatCents(l.cents, locale)}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      <dt>{t("detail.consent")}</dt>
      <dd>{a.publicConsent ? t("detail.yes") : t("detail.no")}</dd>
    </dl>
  );
}
