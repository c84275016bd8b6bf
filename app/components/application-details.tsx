// The facts of one application, for its applicant and for the bureau. Contact data shows only
// when the page's view carries it (see models/application-views.server.ts).
import type { ApplicationView } from "~/models/application-views.server";
import { formatCents } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "./format";

export function ApplicationDetails({ application: a }: { application: ApplicationView }) {
  const t = useT();
  const locale = useLocale();
  return (
    <dl className="details">
      {a.contact ? (
        <>
          <dt>{t("detail.applicant")}</dt>
          <dd>{a.contact.name}</dd>
          <dt>{t("detail.contact")}</dt>
          <dd>{[a.contact.email, a.contact.phone].filter(Boolean).join(" · ")}</dd>
          {a.contact.submittedByName ? (
            <>
              <dt>{t("detail.submittedBy")}</dt>
              <dd>{a.contact.submittedByName}</dd>
            </>
          ) : null}
        </>
      ) : null}
      <dt>{t("detail.area")}</dt>
      <dd>{a.areaName}</dd>
      <dt>{t("detail.factors")}</dt>
      <dd>{a.factors.join(", ")}</dd>
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
      {a.helpWanted.length > 0 ? (
        <>
          <dt>{t("detail.helpWanted")}</dt>
          <dd>{a.helpWanted.map((kind) => t(`review.help.${kind}`)).join(", ")}</dd>
        </>
      ) : null}
      {a.foundVia ? (
        <>
          <dt>{t("detail.foundVia")}</dt>
          <dd>{a.foundVia === "other" && a.foundViaOther ? `${t("form.foundVia.other")}: ${a.foundViaOther}` : t(`form.foundVia.${a.foundVia}`)}</dd>
        </>
      ) : null}
    </dl>
  );
}
