// The budget dashboard (issue 16, decision 145): per pot and for the fund, budget, committed,
// paid, available, the risk and the sentence the bureau acts on, a burn-up chart per pot (SVG from
// the server) with its numbers in a table, and contributions in kind beside the money, never
// spendable. Reviewers and fund administrators see it (budget.view); only a fund administrator
// creates a pot or registers a contribution in kind (pots.manage), each through pots.server.ts.
import crypto from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { getDb } from "~/services/db.server";
import { actorOf, requirePermission } from "~/services/auth.server";
import { getTranslator } from "~/services/locale.server";
import { requireBudgetManager } from "~/services/budget-guard.server";
import { readForm } from "~/services/form.server";
import { dispatchIntent } from "~/services/intent.server";
import { redirectWithNotice } from "~/services/notice.server";
import { config } from "~/services/config.server";
import { now } from "~/services/clock.server";
import { can } from "~/domain/permissions";
import { amsterdamDate } from "~/domain/workdays";
import { formatCents } from "~/domain/money";
import { budgetDashboard, budgetFormChoices, funderExists, potExists, quietAreas } from "~/models/budget-views.server";
import { allocateToPot, createPot, registerInKind } from "~/models/pots.server";
import { createPotSchema, inKindSchema } from "~/forms/budget-schema";
import { CreatePotForm, InKindForm, type BudgetActionData } from "~/components/budget-forms";
import { BalanceList, ForecastSentence, RiskBadge } from "~/components/budget-parts";
import { BurnUpChart, BurnUpTable } from "~/components/burn-up-chart";
import { ScrollRegion } from "~/components/scroll-region";
import { formatDate } from "~/components/format";
import { CRUMBS, type BureauHandle } from "~/components/bureau-frame";
import { useLocale, useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("budget.title", { noindex: true });
export const handle: BureauHandle = { crumbs: () => [CRUMBS.budget] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "budget.view");
  const db = await getDb();
  const { locale } = await getTranslator(request);
  const today = amsterdamDate(now());
  const dashboard = await budgetDashboard(db, { fundSplitRule: config().fundSplitRule }, today);
  const manage = can(actorOf(user), "pots.manage").allowed;
  const choices = manage ? await budgetFormChoices(db, locale) : null;
  return { ...dashboard, quiet: await quietAreas(db, today), manage, choices, newPotId: crypto.randomUUID() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireBudgetManager(request);
  const form = await readForm(request, 64 * 1024);
  const { t, locale } = await getTranslator(request);
  const db = await getDb();
  const actor = { userId: user.id, label: user.email };
  const funderKnown = (id: string) => funderExists(db, id);

  return dispatchIntent(form, {
    async create_pot(form) {
      const submission = parseWithZod(form, { schema: createPotSchema({ t, locale }) });
      if (submission.status !== "success") return data({ intent: "create_pot" as const, result: submission.reply() }, { status: 400 });
      const v = submission.value;
      // The form's own id: a second click or a retried post finds the pot already made.
      if (await potExists(db, v.potId)) return redirect(`/beheer/geld/potten/${v.potId}`, 303);
      if (!(await funderKnown(v.funderId))) {
        return data(
          { intent: "create_pot" as const, result: submission.reply({ fieldErrors: { funderId: [t("budget.error.funderRequired")] } }) },
          { status: 400 },
        );
      }
      const earmarks = {
        ...(v.areaIds.length > 0 ? { areaIds: v.areaIds } : {}),
        ...(v.factorIds.length > 0 ? { factorIds: v.factorIds } : {}),
        ...(v.maxPerGrant !== undefined ? { maxCentsPerGrant: v.maxPerGrant } : {}),
      };
      const at = now();
      const created = await createPot(
        db,
        { id: v.potId, funderId: v.funderId, name: v.name, periodStart: v.periodStart, periodEnd: v.periodEnd, earmarks },
        actor,
        at,
      );
      if (!created.ok) {
        return data(
          { intent: "create_pot" as const, result: submission.reply({ fieldErrors: { periodEnd: [t("budget.error.endBeforeStart")] } }) },
          { status: 400 },
        );
      }
      await allocateToPot(db, { operationId: `pot-budget:${v.potId}`, potId: v.potId, cents: v.budget, date: v.periodStart, reason: v.name }, actor, at);
      return redirectWithNotice(request, `/beheer/geld/potten/${v.potId}`, "budget.create.done");
    },
    async register_in_kind(form) {
      const submission = parseWithZod(form, { schema: inKindSchema({ t, locale }) });
      if (submission.status !== "success") return data({ intent: "register_in_kind" as const, result: submission.reply() }, { status: 400 });
      const v = submission.value;
      if (!(await funderKnown(v.funderId))) {
        return data(
          { intent: "register_in_kind" as const, result: submission.reply({ fieldErrors: { funderId: [t("budget.error.funderRequired")] } }) },
          { status: 400 },
        );
      }
      const registered = await registerInKind(
        db,
        { funderId: v.funderId, periodStart: v.periodStart, periodEnd: v.periodEnd, description: v.description, valueCents: v.value },
        actor,
        now(),
      );
      if (!registered.ok) {
        return data(
          { intent: "register_in_kind" as const, result: submission.reply({ fieldErrors: { value: [t("money.refusal.not_a_number")] } }) },
          { status: 400 },
        );
      }
      return redirectWithNotice(request, "/beheer/geld", "budget.inKind.done");
    },
  });
}

export default function BudgetDashboard() {
  const t = useT();
  const locale = useLocale();
  const { pots, fund, inKind, quiet, manage, choices, newPotId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as BudgetActionData;
  const money = (cents: number) => formatCents(cents, locale, { trimZeroCents: true });
  return (
    <div className="budget">
      <h1>{t("budget.title")}</h1>
      <p>{t("budget.intro")}</p>

      <section aria-labelledby="fund-heading" className="card">
        <h2 id="fund-heading">{t("budget.fund.title")}</h2>
        <BalanceList balance={fund.balance} />
        {fund.forecast ? (
          <>
            <RiskBadge risk={fund.forecast.risk} />
            <ForecastSentence sentence={fund.forecast.sentence} quiet={quiet} />
          </>
        ) : (
          <p>{t("budget.noPots")}</p>
        )}
        <p className="hint">{t("budget.advice")}</p>
      </section>

      <h2>{t("budget.pots.title")}</h2>
      {pots.length === 0 ? <p>{t("budget.noPots")}</p> : null}
      {pots.map((pot) => (
        <section key={pot.id} aria-labelledby={`pot-${pot.id}`} className="card budget-pot">
          <h3 id={`pot-${pot.id}`}>
            <Link to={`/beheer/geld/potten/${pot.id}`}>{pot.name}</Link>
          </h3>
          <p>
            {t("budget.pot.funderPeriod", { funder: pot.funderName, start: formatDate(pot.periodStart, locale), end: formatDate(pot.periodEnd, locale) })}
            {pot.invented ? ` ${t("budget.pot.invented")}` : null}
          </p>
          <BalanceList balance={pot.balance} />
          {pot.forecast ? (
            <>
              <RiskBadge risk={pot.forecast.risk} />
              <ForecastSentence sentence={pot.forecast.sentence} quiet={[]} />
              <div className="burn-up-pair">
                <BurnUpChart
                  id={`chart-${pot.id}`}
                  curve={pot.forecast.curve}
                  budgetCents={pot.forecast.budgetCents}
                  committedCents={pot.forecast.committedCents}
                  today={pot.forecast.today}
                  endDate={pot.forecast.endDate}
                  forecast={pot.forecast.forecast}
                />
                <BurnUpTable curve={pot.forecast.curve} caption={t("budget.table.caption", { pot: pot.name })} />
              </div>
              <p>
                {t("budget.forecast.range", {
                  endDate: formatDate(pot.forecast.endDate, locale),
                  central: money(pot.forecast.forecast.centralCents),
                  low: money(pot.forecast.forecast.lowCents),
                  high: money(pot.forecast.forecast.highCents),
                })}
              </p>
            </>
          ) : null}
        </section>
      ))}

      <section aria-labelledby="in-kind-heading">
        <h2 id="in-kind-heading">{t("budget.inKind.title")}</h2>
        <p>{t("budget.inKind.intro")}</p>
        {inKind.length === 0 ? (
          <p>{t("budget.inKind.none")}</p>
        ) : (
          <ScrollRegion label={t("budget.inKind.title")}>
            <table className="numbers">
              <caption className="visually-hidden">{t("budget.inKind.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("budget.inKind.partner")}</th>
                  <th scope="col">{t("budget.inKind.period")}</th>
                  <th scope="col">{t("budget.inKind.what")}</th>
                  <th scope="col">{t("budget.inKind.value")}</th>
                </tr>
              </thead>
              <tbody>
                {inKind.map((c, i) => (
                  <tr key={i}>
                    <th scope="row">
                      {c.funderName}
                      {c.invented ? ` ${t("budget.pot.invented")}` : null}
                    </th>
                    <td>{t("budget.inKind.periodValue", { start: formatDate(c.periodStart, locale), end: formatDate(c.periodEnd, locale) })}</td>
                    <td>{c.description}</td>
                    <td>{t("budget.inKind.valueNotSpendable", { amount: money(c.valueCents) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      {manage && choices ? (
        <div className="budget-forms">
          <CreatePotForm actionData={actionData} funders={choices.funders} areas={choices.areas} factors={choices.factors} potId={newPotId} />
          <InKindForm actionData={actionData} funders={choices.funders} />
        </div>
      ) : null}
    </div>
  );
}
