// The budget as the bureau reads it (issue 16, decision 145): per pot and for the fund, budget,
// committed, paid and available (SUM queries over ledger_entries, never stored), and the forecast
// of domain/forecast.ts fed with the pot's entries, the open pipeline split over the pots as an
// approval would split it (domain/split.ts on the requested amounts) and the past decisions.
// Nothing here names a resident: applications appear by reference only.
import type { DB } from "~/services/db.server";
import { forecastFund, type Decision, type FundForecast, type PipelineItem, type PotForecast } from "~/domain/forecast";
import type { EntryKind, LedgerEntry, PotBalance } from "~/domain/ledger";
import { DEFAULT_SPLIT_RULE, parseSplitRule, proposeSplit, type Earmarks, type RuleLine } from "~/domain/split";
import type { Locale } from "~/i18n/translate";
import { potBalances } from "./ledger.server";
import { potsWithBalances, type PotView } from "./pots.server";

/** Waiting for a decision: the pipeline the forecast expects to be decided soon. */
const OPEN = ["submitted", "in_review", "needs_info", "awaiting_second_review"] as const;
/** Decided with money: what the granted/requested ratio learns from. */
const GRANTED = ["approved", "paid", "report_due", "reported", "closed"] as const;

export type PotSummary = { id: string; name: string; funderName: string; periodStart: string; periodEnd: string; invented: boolean; balance: PotBalance };

export type InKindLine = { funderName: string; periodStart: string; periodEnd: string; description: string; valueCents: number; invented: boolean };

export type BudgetDashboard = {
  pots: (PotSummary & { forecast: PotForecast | null })[];
  fund: { balance: PotBalance; forecast: FundForecast | null };
  inKind: InKindLine[];
  today: string;
};

const ZERO: PotBalance = { budget: 0, committed: 0, paid: 0, available: 0, outstanding: 0 };

async function potSummaries(db: DB, potIds?: string[]): Promise<PotSummary[]> {
  const rows = await db
    .selectFrom("pots as p")
    .innerJoin("funders as f", "f.id", "p.funder_id")
    .select(["p.id", "p.name", "p.period_start", "p.period_end", "p.invented", "f.name as funderName"])
    .$if(potIds !== undefined, (qb) => qb.where("p.id", "in", potIds!))
    .orderBy("p.priority")
    .orderBy("p.id")
    .execute();
  const balances = await potBalances(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    funderName: r.funderName,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    invented: Number(r.invented) === 1,
    balance: balances.get(r.id) ?? ZERO,
  }));
}

/** The entries the forecast reads: amounts per pot, grant, kind and day (not who or why). */
async function forecastEntries(db: DB): Promise<LedgerEntry[]> {
  const rows = await db
    .selectFrom("ledger_entries")
    .select(["pot_id", "application_id", "kind", "date", (eb) => eb.fn.sum<number | string>("cents").as("cents")])
    .groupBy(["pot_id", "application_id", "kind", "date"])
    .execute();
  // Summed rows need an id unique per pot: the forecast counts each (id, pot) once.
  return rows.map((r, i) => ({
    id: `sum-${i}`,
    potId: r.pot_id,
    ...(r.application_id === null ? {} : { grantId: r.application_id }),
    kind: r.kind as EntryKind,
    cents: Number(r.cents),
    date: r.date,
  }));
}

/** Each open application's requested amount split over the pots as an approval today would. */
async function pipelineByPot(db: DB, pots: PotView[], rule: readonly RuleLine[], today: string): Promise<Map<string, PipelineItem[]>> {
  const open = await db.selectFrom("applications").select(["id", "area_id", "requested_cents"]).where("status", "in", OPEN).execute();
  const factorRows =
    open.length === 0
      ? []
      : await db
          .selectFrom("application_factors as af")
          .innerJoin("applications as a", "a.id", "af.application_id")
          .select(["af.application_id", "af.factor_id"])
          .where("a.status", "in", OPEN)
          .execute();
  const factors = new Map<string, string[]>();
  for (const f of factorRows) factors.set(f.application_id, [...(factors.get(f.application_id) ?? []), f.factor_id]);
  const byPot = new Map<string, PipelineItem[]>(pots.map((p) => [p.id, []]));
  for (const a of open) {
    const grant = { cents: Number(a.requested_cents), areaId: a.area_id, factorIds: factors.get(a.id) ?? [], activityDate: today };
    const split = proposeSplit(pots, grant, rule);
    // A pot short of money still shows the share it would be asked for: the pipeline is demand.
    const parts = split.ok ? split.parts : "explanation" in split ? split.explanation.filter((e) => e.used) : [];
    for (const part of parts) if (part.cents > 0) byPot.get(part.potId)?.push({ requestedCents: part.cents });
  }
  return byPot;
}

async function pastDecisions(db: DB): Promise<Decision[]> {
  const rows = await db
    .selectFrom("applications")
    .select(["status", "requested_cents", "granted_cents"])
    .where("status", "in", [...GRANTED, "declined"])
    .execute();
  return rows.map((r) => ({
    requestedCents: Number(r.requested_cents),
    grantedCents: r.status === "declined" || r.granted_cents === null ? null : Number(r.granted_cents),
  }));
}

async function inKindLines(db: DB): Promise<InKindLine[]> {
  const rows = await db
    .selectFrom("in_kind_contributions as c")
    .innerJoin("funders as f", "f.id", "c.funder_id")
    .select(["f.name as funderName", "c.period_start", "c.period_end", "c.description", "c.value_cents", "c.invented"])
    .orderBy("f.name")
    .orderBy("c.period_start")
    .execute();
  return rows.map((r) => ({
    funderName: r.funderName,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    description: r.description,
    valueCents: Number(r.value_cents),
    invented: Number(r.invented) === 1,
  }));
}

export async function budgetDashboard(db: DB, settings: { fundSplitRule?: readonly RuleLine[] }, today: string): Promise<BudgetDashboard> {
  const summaries = await potSummaries(db);
  const splitPots = await potsWithBalances(db);
  const rule = settings.fundSplitRule ?? parseSplitRule(DEFAULT_SPLIT_RULE)!;
  const [entries, pipeline, decisions, inKind] = await Promise.all([
    forecastEntries(db),
    pipelineByPot(db, splitPots, rule, today),
    pastDecisions(db),
    inKindLines(db),
  ]);
  const inputs = summaries.map((p) => ({
    pot: { id: p.id, periodStart: p.periodStart, periodEnd: p.periodEnd },
    entries: entries.filter((e) => e.potId === p.id),
    pipeline: pipeline.get(p.id) ?? [],
    decisions,
    today,
  }));
  const fund = inputs.length === 0 ? null : forecastFund(inputs);
  const forecast = fund?.ok ? fund.forecast : null;
  const balance = summaries.reduce(
    (s, p) => ({
      budget: s.budget + p.balance.budget,
      committed: s.committed + p.balance.committed,
      paid: s.paid + p.balance.paid,
      available: s.available + p.balance.available,
      outstanding: s.outstanding + p.balance.outstanding,
    }),
    ZERO,
  );
  return {
    pots: summaries.map((p) => ({ ...p, forecast: forecast?.pots.find((f) => f.potId === p.id) ?? null })),
    fund: { balance, forecast },
    inKind,
    today,
  };
}

export const LEDGER_PAGE_SIZE = 25;

export type LedgerLine = {
  id: number;
  kind: EntryKind;
  cents: number;
  date: string;
  at: string;
  /** null: the applicant's own step; their address stays out of the page. */
  actorLabel: string | null;
  reason: string | null;
  reference: string | null;
};

export type EarmarkWords = { areas: string[]; factors: string[]; maxShareBasisPoints: number | null; maxCentsPerGrant: number | null };

export type PotPage = {
  pot: PotSummary & { earmarks: EarmarkWords };
  entries: LedgerLine[];
  page: number;
  pages: number;
  endChanges: { oldEnd: string; newEnd: string; reason: string; actorLabel: string; at: string }[];
};

/** Area and factor ids in words, so an earmark reads "alleen voor Kalsdonk". */
async function earmarkWords(db: DB, earmarks: Earmarks, locale: Locale): Promise<EarmarkWords> {
  const areaIds = earmarks.areaIds ?? [];
  const factorIds = earmarks.factorIds ?? [];
  const areas = areaIds.length === 0 ? [] : await db.selectFrom("areas").select(["id", "name"]).where("id", "in", areaIds).execute();
  const factors = factorIds.length === 0 ? [] : await db.selectFrom("factors").select(["id", "name_nl", "name_en"]).where("id", "in", factorIds).execute();
  return {
    areas: areaIds.map((id) => areas.find((a) => a.id === id)?.name ?? id),
    factors: factorIds.map((id) => {
      const f = factors.find((x) => x.id === id);
      return f ? (locale === "en" ? f.name_en : f.name_nl) : id;
    }),
    maxShareBasisPoints: earmarks.maxShareBasisPoints ?? null,
    maxCentsPerGrant: earmarks.maxCentsPerGrant ?? null,
  };
}

/** One pot: balances, earmarks in words, a page of its ledger (newest first) and its end changes; null when unknown. */
export async function potPage(db: DB, potId: string, requestedPage: number, locale: Locale): Promise<PotPage | null> {
  const [summary] = await potSummaries(db, [potId]);
  if (!summary) return null;
  const row = await db.selectFrom("pots").select("earmarks_json").where("id", "=", potId).executeTakeFirstOrThrow();
  const earmarks = await earmarkWords(db, JSON.parse(row.earmarks_json) as Earmarks, locale);
  const count = await db
    .selectFrom("ledger_entries")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("pot_id", "=", potId)
    .executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(Number(count.n) / LEDGER_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pages);
  const entries = await db
    .selectFrom("ledger_entries as e")
    .leftJoin("applications as a", "a.id", "e.application_id")
    .select(["e.id", "e.kind", "e.cents", "e.date", "e.at", "e.actor_user_id", "e.actor_label", "e.reason", "a.reference"])
    .where("e.pot_id", "=", potId)
    .orderBy("e.id", "desc")
    .limit(LEDGER_PAGE_SIZE)
    .offset((page - 1) * LEDGER_PAGE_SIZE)
    .execute();
  const staff = await staffIds(
    db,
    entries.flatMap((e) => (e.actor_user_id ? [e.actor_user_id] : [])),
  );
  const endChanges = await db
    .selectFrom("pot_end_changes")
    .select(["old_end", "new_end", "reason", "actor_label", "at"])
    .where("pot_id", "=", potId)
    .orderBy("at", "desc")
    .execute();
  return {
    pot: { ...summary, earmarks },
    entries: entries.map((e) => ({
      id: Number(e.id),
      kind: e.kind as EntryKind,
      cents: Number(e.cents),
      date: e.date,
      at: e.at,
      // A resident's step (a withdrawal releases money) shows who in words, not their address.
      actorLabel: e.actor_user_id !== null && !staff.has(e.actor_user_id) ? null : e.actor_label,
      reason: e.reason,
      reference: e.reference,
    })),
    page,
    pages,
    endChanges: endChanges.map((c) => ({ oldEnd: c.old_end, newEnd: c.new_end, reason: c.reason, actorLabel: c.actor_label, at: c.at })),
  };
}

/** Those of the ids who work for the fund (reviewer or fund_admin). */
async function staffIds(db: DB, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("user_roles")
    .select("user_id")
    .where("user_id", "in", [...new Set(ids)])
    .where("role", "in", ["reviewer", "fund_admin"])
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** What the fund administrator's forms choose from: funders, areas, protective factors. */
export async function budgetFormChoices(db: DB, locale: Locale) {
  const areas = await db.selectFrom("areas").select(["id", "name"]).orderBy("name").execute();
  const factors = await db.selectFrom("factors").select(["id", "name_nl", "name_en"]).orderBy("id").execute();
  return {
    funders: await db.selectFrom("funders").select(["id", "name"]).orderBy("name").execute(),
    areas,
    factors: factors.map((f) => ({ id: f.id, name: locale === "en" ? f.name_en : f.name_nl })),
  };
}

export async function funderExists(db: DB, id: string): Promise<boolean> {
  return (await db.selectFrom("funders").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

export async function potExists(db: DB, id: string): Promise<boolean> {
  return (await db.selectFrom("pots").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

/**
 * Areas where no application came in this calendar year: where the fund is least known, so where
 * outreach helps most (the sentence names them). Drafts do not count: they were never sent.
 */
export async function quietAreas(db: DB, today: string): Promise<string[]> {
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const rows = await db
    .selectFrom("areas as ar")
    .select("ar.name")
    .where("ar.in_focus", "=", 1)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("applications as a")
            .select("a.id")
            .whereRef("a.area_id", "=", "ar.id")
            .where("a.status", "!=", "draft")
            .where("a.submitted_at", ">=", yearStart),
        ),
      ),
    )
    .orderBy("ar.name")
    .execute();
  return rows.map((r) => r.name);
}
