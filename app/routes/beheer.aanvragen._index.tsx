// The bureau's list of applications, newest first.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/services/db.server";
import { requirePermission } from "~/services/auth.server";
import { listAllApplications } from "~/models/application-views.server";
import { pageNumber, parseSearchParams } from "~/services/search-params.server";
import { formatCents } from "~/domain/money";
import { answerDue } from "~/domain/lifecycle";
import { now } from "~/services/clock.server";
import { formatDate, formatDateTime } from "~/components/format";
import { useLocale, useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { CRUMBS, type BureauHandle } from "~/components/bureau-frame";

export const meta = pageTitle("bureau.title");
export const handle: BureauHandle = { crumbs: () => [CRUMBS.applications] };

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "application.view_any");
  const { pagina } = parseSearchParams(request, { pagina: pageNumber() });
  const { rows, total, page, pages } = await listAllApplications(await getDb(), { page: pagina, pageSize: PAGE_SIZE });
  const at = now();
  const withDue = rows.map((row) => {
    // Nothing records questions and answers yet, so the clock starts at the submission (decision 010).
    const answer = answerDue({ status: row.status, clockStartedAt: new Date(row.submittedAt), now: at });
    return { ...row, due: answer?.due ?? null, overdue: answer?.overdue ?? false };
  });
  return { rows: withDue, total, page, pages };
}

export default function BureauApplications() {
  const t = useT();
  const locale = useLocale();
  const { rows, total, page, pages } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("bureau.title")}</h1>
      <p>
        {t("bureau.intro")} {t("bureau.total", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p>{t("bureau.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("bureau.col.reference")}</th>
                <th scope="col">{t("bureau.col.title")}</th>
                <th scope="col">{t("bureau.col.area")}</th>
                <th scope="col" className="num">
                  {t("bureau.col.amount")}
                </th>
                <th scope="col">{t("bureau.col.status")}</th>
                <th scope="col">{t("bureau.col.submitted")}</th>
                <th scope="col">{t("bureau.col.due")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.reference}>
                  <td className="ref">
                    <Link to={`/beheer/aanvragen/${a.reference}`}>{a.reference}</Link>
                  </td>
                  <td>{a.title}</td>
                  <td>{a.areaName}</td>
                  <td className="num">{formatCents(a.requestedCents, locale)}</td>
                  <td>
                    <span className="status-badge">{t(`lifecycle.status.${a.status}` as MessageKey)}</span>
                  </td>
                  <td>{formatDateTime(a.submittedAt, locale)}</td>
                  <td className={a.overdue ? "overdue" : undefined}>
                    {a.due ? formatDate(a.due, locale) : "–"}
                    {a.overdue ? <strong> {t("bureau.overdue")}</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label={t("bureau.pages")} className="button-row">
          {page > 1 ? <Link to={`?pagina=${page - 1}`}>← {page - 1}</Link> : null}
          <span>
            {page} / {pages}
          </span>
          {page < pages ? <Link to={`?pagina=${page + 1}`}>{page + 1} →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
