// The proposed split of an amount over the pots, for the approve form (issue 16): what each pot
// would pay and why (domain/split.ts reasons), with the names of earmarked areas and factors.
// Only a proposal, read without a lock: the approval itself splits again under the lock
// (ledger-effects.server.ts), so what is booked is what the pots hold at that moment.
import type { DB } from "~/services/db.server";
import { DEFAULT_SPLIT_RULE, parseSplitRule, proposeSplit, type PotExplanation, type RuleLine } from "~/domain/split";
import { amsterdamDate } from "~/domain/workdays";
import type { Locale } from "~/i18n/translate";
import { grantFacts } from "./ledger-effects.server";
import { potsWithBalances } from "./pots.server";

/** One pot's line; pots whose period does not hold today are left out. */
export type SplitLine = {
  potName: string;
  cents: number;
  used: boolean;
  reason: Exclude<PotExplanation["reason"], "outside_period">;
  /** The reason's data: names, basis points, cents. */
  names?: string[];
  shareBasisPoints?: number;
  maxCents?: number;
  availableCents?: number;
};

export type SplitView = { cents: number; lines: SplitLine[]; shortCents: number | null; noPot: boolean };

export async function proposedSplitView(
  db: DB,
  applicationId: string,
  cents: number,
  settings: { fundSplitRule?: readonly RuleLine[] },
  locale: Locale,
  now: Date,
): Promise<SplitView> {
  const today = amsterdamDate(now);
  const pots = await potsWithBalances(db, { on: today });
  const grant = await db.transaction().execute((trx) => grantFacts(trx, applicationId));
  const rule = settings.fundSplitRule ?? parseSplitRule(DEFAULT_SPLIT_RULE)!;
  const split = proposeSplit(pots, { cents, areaId: grant.areaId, factorIds: grant.factorIds, activityDate: today }, rule);
  const explanation = split.ok ? split.explanation : "explanation" in split ? split.explanation : [];
  const names = await namesOf(db, locale);
  // Only today's pots were read (others say nothing about today's decision); the paying ones first.
  const relevant = explanation.filter((e) => e.reason !== "outside_period");
  const ordered = [...relevant.filter((e) => e.used), ...relevant.filter((e) => !e.used)];
  const lines = ordered.map((e): SplitLine => {
    const line = { potName: pots.find((p) => p.id === e.potId)!.name, cents: e.cents, used: e.used, reason: e.reason };
    switch (e.reason) {
      case "only_for_areas":
        return { ...line, names: e.areaIds.map((id) => names.get(id) ?? id) };
      case "only_for_factors":
        return { ...line, names: e.factorIds.map((id) => names.get(id) ?? id) };
      case "share_cap":
        return { ...line, shareBasisPoints: e.maxShareBasisPoints };
      case "default_share":
        return { ...line, shareBasisPoints: e.shareBasisPoints };
      case "amount_cap":
        return { ...line, maxCents: e.maxCentsPerGrant };
      case "all_available":
        return { ...line, availableCents: e.availableCents };
      default:
        return line;
    }
  });
  return {
    cents,
    lines,
    shortCents: !split.ok && split.reason === "insufficient_total" ? split.shortBy : null,
    noPot: !split.ok && split.reason !== "insufficient_total",
  };
}

/** Area and factor names by id (ids of both are distinct words). */
async function namesOf(db: DB, locale: Locale): Promise<Map<string, string>> {
  const areas = await db.selectFrom("areas").select(["id", "name"]).execute();
  const factors = await db.selectFrom("factors").select(["id", "name_nl", "name_en"]).execute();
  return new Map([...areas.map((a) => [a.id, a.name] as const), ...factors.map((f) => [f.id, locale === "en" ? f.name_en : f.name_nl] as const)]);
}
