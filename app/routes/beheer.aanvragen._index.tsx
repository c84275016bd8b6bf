// The bureau's work queue (issue 15): filters in the address (a GET form, so it works without
// JavaScript and a link can be shared), counts per status and of late ones, and per row how long
// the resident has waited against the decision target. A reviewer with a declared conflict sees
// the row without a link and the reason (decision 132).
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/services/db.server";
import { requirePermission } from "~/services/auth.server";
import { config } from "~/services/config.server";
import { now } from "~/services/clock.server";
import { listQueue, queueFilterOptions, type QueueRow } from "~/models/queue.server";
import { MAX_QUEUE_TEXT, queueFilters } from "~/services/queue-params.server";
import { queueSearch } from "~/components/queue-search";
import { APPLICATION_STATUSES } from "~/domain/lifecycle";
import { formatCents } from "~/domain/money";
import { amsterdamDate } from "~/domain/workdays";
import { formatDate } from "~/components/format";
import { useLocale, useT } from "~/i18n/use-t";
import type { Translate } from "~/i18n/translate";
import { getLocale } from "~/services/locale.server";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { CRUMBS, type BureauHandle } from "~/components/bureau-frame";
import queueStyles from "~/styles/queue.css";

export const meta = pageTitle("bureau.title");
export const handle: BureauHandle = { crumbs: () => [CRUMBS.applications] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: queueStyles }];

const PAGE_SIZE = 50;
/** Links carry the whole path: a relative "." from an index route would add "?index". */
const QUEUE = "/beheer/aanvragen";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "application.view_any");
  const filters = queueFilters(request);
  const db = await getDb();
  const targetWorkingDays = config().decisionTargetWorkingDays;
  const locale = await getLocale(request);
  const [queue, options] = await Promise.all([
    listQueue(db, filters, { userId: user.id, now: now(), targetWorkingDays, pageSize: PAGE_SIZE }),
    queueFilterOptions(db, locale),
  ]);
  return { ...queue, filters: { ...filters, page: queue.page }, options, targetWorkingDays };
}

export default function WorkQueue() {
  const t = useT();
  const { rows, total, capped, page, pages, allCount, countsByStatus, lateCount, filters, options, targetWorkingDays } = useLoaderData<typeof loader>();
  const unfiltered = { ...filters, statuses: [], areaId: null, factorId: null, assigned: null, late: false, text: null, page: 1 };
  const onlyStatus = filters.statuses.length === 1 && queueSearch({ ...filters, page: 1 }) === queueSearch({ ...unfiltered, statuses: filters.statuses });
  const onlyLate = filters.late && queueSearch({ ...filters, page: 1 }) === queueSearch({ ...unfiltered, late: true });
  return (
    <div>
      <h1>{t("bureau.title")}</h1>
      <p>{t("queue.intro")}</p>
      <nav className="queue-counts" aria-labelledby="queue-counts-title">
        <h2 id="queue-counts-title" className="visually-hidden">
          {t("queue.counts.title")}
        </h2>
        <ul>
          <li>
            <Link to={QUEUE + queueSearch(unfiltered)} aria-current={queueSearch({ ...filters, page: 1 }) === queueSearch(unfiltered) ? "page" : undefined}>
              {t("queue.counts.all", { count: allCount })}
            </Link>
          </li>
          <li>
            <Link to={QUEUE + queueSearch({ ...unfiltered, late: true })} className="queue-late-link" aria-current={onlyLate ? "page" : undefined}>
              {t("queue.counts.late", { count: lateCount })}
            </Link>
          </li>
          {APPLICATION_STATUSES.filter((s) => countsByStatus[s]).map((s) => (
            <li key={s}>
              <Link to={QUEUE + queueSearch({ ...unfiltered, statuses: [s] })} aria-current={onlyStatus && filters.statuses[0] === s ? "page" : undefined}>
                {t("queue.counts.status", { status: t(`lifecycle.status.${s}` as MessageKey), count: countsByStatus[s] ?? 0 })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <QueueFilterForm filters={filters} options={options} />
      <p aria-live="polite" className="queue-found">
        {total === 0 ? t("queue.none") : capped ? t("queue.foundMore", { count: total }) : t("queue.found", { count: total })}
      </p>
      {rows.length > 0 ? <QueueTable rows={rows} targetWorkingDays={targetWorkingDays} /> : null}
      {pages > 1 ? (
        <nav aria-label={t("queue.pages")} className="button-row">
          {page > 1 ? <Link to={QUEUE + queueSearch({ ...filters, page: page - 1 })}>← {t("queue.page.previous")}</Link> : null}
          <span>{t("queue.page.of", { page, pages })}</span>
          {page < pages ? <Link to={QUEUE + queueSearch({ ...filters, page: page + 1 })}>{t("queue.page.next")} →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function QueueFilterForm({ filters, options }: Pick<LoaderData, "filters" | "options">) {
  const t = useT();
  // Keyed by the address, so after a client-side navigation the fields show the filters in force.
  return (
    <section className="queue-filters" aria-labelledby="queue-filters-title">
      <h2 id="queue-filters-title">{t("queue.filters.title")}</h2>
      <Form method="get" action={QUEUE} key={queueSearch(filters)}>
        <div className="field">
          <label className="field-label" htmlFor="queue-text">
            {t("queue.filter.text")}
          </label>
          <p className="field-hint" id="queue-text-hint">
            {t("queue.filter.text.hint")}
          </p>
          <input id="queue-text" name="zoek" type="search" defaultValue={filters.text ?? ""} maxLength={MAX_QUEUE_TEXT} aria-describedby="queue-text-hint" />
        </div>
        <fieldset className="queue-statuses">
          <legend>{t("queue.filter.status")}</legend>
          <ul>
            {APPLICATION_STATUSES.filter((s) => s !== "draft").map((s) => (
              <li key={s}>
                <input type="checkbox" id={`queue-status-${s}`} name="status" value={s} defaultChecked={filters.statuses.includes(s)} />
                <label htmlFor={`queue-status-${s}`}>{t(`lifecycle.status.${s}` as MessageKey)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="queue-filter-grid">
          <div className="field">
            <label className="field-label" htmlFor="queue-area">
              {t("queue.filter.area")}
            </label>
            <select id="queue-area" name="wijk" defaultValue={filters.areaId ?? ""}>
              <option value="">{t("queue.filter.area.any")}</option>
              {(["wijk", "buurt"] as const).map((kind) => (
                <optgroup key={kind} label={t(`queue.filter.area.${kind}`)}>
                  {options.areas
                    .filter((a) => a.kind === kind)
                    .map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="queue-factor">
              {t("queue.filter.factor")}
            </label>
            <select id="queue-factor" name="factor" defaultValue={filters.factorId ?? ""}>
              <option value="">{t("queue.filter.factor.any")}</option>
              {options.factors.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="queue-assigned">
              {t("queue.filter.assigned")}
            </label>
            <select id="queue-assigned" name="toegewezen" defaultValue={filters.assigned === "mine" ? "mijn" : filters.assigned === "nobody" ? "niemand" : ""}>
              <option value="">{t("queue.filter.assigned.any")}</option>
              <option value="mijn">{t("queue.filter.assigned.mine")}</option>
              <option value="niemand">{t("queue.filter.assigned.nobody")}</option>
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="queue-order">
              {t("queue.filter.order")}
            </label>
            <select id="queue-order" name="volgorde" defaultValue={filters.order === "oldest" ? "oudste" : "nieuwste"}>
              <option value="nieuwste">{t("queue.order.newest")}</option>
              <option value="oudste">{t("queue.order.oldest")}</option>
            </select>
          </div>
        </div>
        <div className="queue-check">
          <input type="checkbox" id="queue-late" name="laat" value="ja" defaultChecked={filters.late} />
          <label htmlFor="queue-late">{t("queue.filter.late")}</label>
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            {t("queue.filter.submit")}
          </button>
          <Link to={QUEUE}>{t("queue.filter.reset")}</Link>
        </div>
      </Form>
    </section>
  );
}

function QueueTable({ rows, targetWorkingDays }: { rows: LoaderData["rows"]; targetWorkingDays: number }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="table-wrap">
      <table className="queue-table">
        <thead>
          <tr>
            <th scope="col">{t("bureau.col.reference")}</th>
            <th scope="col">{t("bureau.col.title")}</th>
            <th scope="col">{t("bureau.col.area")}</th>
            <th scope="col" className="num">
              {t("bureau.col.amount")}
            </th>
            <th scope="col">{t("bureau.col.status")}</th>
            <th scope="col">{t("queue.col.assigned")}</th>
            <th scope="col">{t("queue.col.waited")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.reference}>
              <td className="ref">
                {a.conflict ? a.reference : <Link to={`${QUEUE}/${a.reference}`}>{a.reference}</Link>}
                <span className="queue-received">
                  {t("bureau.col.submitted")} {formatDate(amsterdamDate(new Date(a.submittedAt)), locale)}
                </span>
              </td>
              <td className="queue-title">
                {a.title}
                {a.conflict ? <span className="queue-conflict">{conflictText(t, a.conflict)}</span> : null}
              </td>
              <td data-label={t("bureau.col.area")}>{a.areaName}</td>
              <td className="num" data-label={t("bureau.col.amount")}>
                {formatCents(a.requestedCents, locale)}
              </td>
              <td data-label={t("bureau.col.status")}>
                <div>
                  <span className="status-badge">{t(`lifecycle.status.${a.status}` as MessageKey)}</span>
                  {a.answerReceived ? <span className="queue-mark">{t("queue.answerReceived")}</span> : null}
                </div>
              </td>
              <td data-label={t("queue.col.assigned")}>{a.assignedName ?? t("queue.nobody")}</td>
              <td className={a.late ? "queue-waited overdue" : "queue-waited"} data-label={t("queue.col.waited")}>
                <div>
                  {a.waitedWorkingDays === null || a.due === null
                    ? "–"
                    : t("queue.waited", { days: a.waitedWorkingDays, target: targetWorkingDays, due: formatDate(a.due, locale) })}
                  {a.late ? <strong className="queue-late"> {t("queue.late")}</strong> : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function conflictText(t: Translate, conflict: NonNullable<QueueRow["conflict"]>): string {
  return conflict === "declared" ? t("queue.conflict.declared") : t("queue.conflict", { kind: t(`review.conflict.kind.${conflict}`) });
}
