// One pot (issue 16, decision 145): its balances, its earmarks in words, its ledger (newest
// first, paged; who, when, why and the application's reference, nothing about the resident) and
// the changes of its end. A fund administrator extends the end here (a granted uitstelverzoek)
// through pots.server.ts extendPotEnd, which keeps the reason and the audit row.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { getDb } from "~/services/db.server";
import { actorOf, requirePermission } from "~/services/auth.server";
import { getTranslator } from "~/services/locale.server";
import { requireBudgetManager } from "~/services/budget-guard.server";
import { readForm } from "~/services/form.server";
import { dispatchIntent } from "~/services/intent.server";
import { redirectWithNotice } from "~/services/notice.server";
import { pageNumber, parseSearchParams } from "~/services/search-params.server";
import { now } from "~/services/clock.server";
import { can } from "~/domain/permissions";
import { formatCents } from "~/domain/money";
import { potPage } from "~/models/budget-views.server";
import { extendPotEnd } from "~/models/pots.server";
import { extendEndSchema } from "~/forms/budget-schema";
import { ExtendEndForm, type BudgetActionData } from "~/components/budget-forms";
import { BalanceList } from "~/components/budget-parts";
import { ScrollRegion } from "~/components/scroll-region";
import { formatDate, formatDateTime } from "~/components/format";
import { CRUMBS, type BureauHandle } from "~/components/bureau-frame";
import { useLocale, useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("budget.potPage.title", { noindex: true });
export const handle: BureauHandle = { crumbs: (params) => [CRUMBS.budget, { to: `/beheer/geld/potten/${params.id ?? ""}`, label: "budget.potPage.crumb" }] };

const notFound = () => new Response("Not Found", { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "budget.view");
  const { locale } = await getTranslator(request);
  const { page } = parseSearchParams(request, { page: pageNumber() });
  const view = await potPage(await getDb(), params.id ?? "", page, locale);
  if (!view) throw notFound();
  return { ...view, manage: can(actorOf(user), "pots.manage").allowed };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireBudgetManager(request);
  const form = await readForm(request, 16 * 1024);
  const { t, locale } = await getTranslator(request);
  const potId = z
    .string()
    .max(100)
    .parse(params.id ?? "");
  return dispatchIntent(form, {
    async extend_end(form) {
      const submission = parseWithZod(form, { schema: extendEndSchema(t) });
      if (submission.status !== "success") return data({ intent: "extend_end" as const, result: submission.reply() }, { status: 400 });
      const extended = await extendPotEnd(await getDb(), { potId, ...submission.value }, { userId: user.id, label: user.email }, now());
      if (extended.ok) return redirectWithNotice(request, `/beheer/geld/potten/${potId}`, "budget.extend.done");
      if (extended.reason === "not_found") throw notFound();
      const message =
        extended.reason === "not_later"
          ? t("budget.extend.notLater", { end: formatDate(extended.periodEnd, locale) })
          : extended.reason === "reason_required"
            ? t("forms.error.reasonRequired")
            : t("budget.error.dateInvalid");
      const field = extended.reason === "reason_required" ? "reason" : "newEnd";
      return data({ intent: "extend_end" as const, result: submission.reply({ fieldErrors: { [field]: [message] } }) }, { status: 409 });
    },
  });
}

const KIND: Record<string, MessageKey> = {
  allocation: "budget.kind.allocation",
  commitment: "budget.kind.commitment",
  disbursement: "budget.kind.disbursement",
  release: "budget.kind.release",
};

export default function PotPage() {
  const t = useT();
  const locale = useLocale();
  const { pot, entries, page, pages, endChanges, manage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as BudgetActionData;
  const money = (cents: number) => formatCents(cents, locale, { trimZeroCents: true });
  const e = pot.earmarks;
  const earmarks = [
    e.areas.length > 0 ? t("budget.earmark.areas", { names: e.areas.join(", ") }) : null,
    e.factors.length > 0 ? t("budget.earmark.factors", { names: e.factors.join(", ") }) : null,
    e.maxShareBasisPoints !== null
      ? t("budget.earmark.share", { percent: (e.maxShareBasisPoints / 100).toLocaleString(locale === "en" ? "en-GB" : "nl-NL") })
      : null,
    e.maxCentsPerGrant !== null ? t("budget.earmark.amount", { amount: money(e.maxCentsPerGrant) }) : null,
  ].filter((line): line is string => line !== null);
  return (
    <div className="budget">
      <h1>{pot.name}</h1>
      <p>
        {t("budget.pot.funderPeriod", { funder: pot.funderName, start: formatDate(pot.periodStart, locale), end: formatDate(pot.periodEnd, locale) })}
        {pot.invented ? ` ${t("budget.pot.invented")}` : null}
      </p>
      <BalanceList balance={pot.balance} />

      <h2>{t("budget.earmark.title")}</h2>
      {earmarks.length === 0 ? (
        <p>{t("budget.earmark.none")}</p>
      ) : (
        <ul>
          {earmarks.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}

      <h2>{t("budget.ledger.title")}</h2>
      {entries.length === 0 ? (
        <p>{t("budget.ledger.empty")}</p>
      ) : (
        <ScrollRegion label={t("budget.ledger.title")}>
          <table className="numbers">
            <caption>{t("budget.ledger.caption", { page, pages })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("budget.ledger.date")}</th>
                <th scope="col">{t("budget.ledger.kind")}</th>
                <th scope="col">{t("budget.ledger.amount")}</th>
                <th scope="col">{t("budget.ledger.application")}</th>
                <th scope="col">{t("budget.ledger.who")}</th>
                <th scope="col">{t("budget.ledger.why")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.at, locale)}</td>
                  <td>{t(KIND[entry.kind] ?? "budget.kind.allocation")}</td>
                  <td>{money(entry.cents)}</td>
                  <td>{entry.reference ? <Link to={`/beheer/aanvragen/${entry.reference}`}>{entry.reference}</Link> : t("budget.ledger.none")}</td>
                  <td>{entry.actorLabel ?? t("budget.ledger.applicant")}</td>
                  <td>{entry.reason ?? t("budget.ledger.none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {pages > 1 ? (
        <nav aria-label={t("budget.ledger.pages")} className="pager">
          {page > 1 ? <Link to={`?page=${page - 1}`}>{t("budget.ledger.newer")}</Link> : null}
          {page < pages ? <Link to={`?page=${page + 1}`}>{t("budget.ledger.older")}</Link> : null}
        </nav>
      ) : null}

      <h2>{t("budget.endChanges.title")}</h2>
      {endChanges.length === 0 ? (
        <p>{t("budget.endChanges.none")}</p>
      ) : (
        <ul>
          {endChanges.map((c) => (
            <li key={c.at}>
              {t("budget.endChanges.line", {
                old: formatDate(c.oldEnd, locale),
                new: formatDate(c.newEnd, locale),
                who: c.actorLabel,
                at: formatDateTime(c.at, locale),
                reason: c.reason,
              })}
            </li>
          ))}
        </ul>
      )}

      {manage ? <ExtendEndForm actionData={actionData} /> : null}
    </div>
  );
}
