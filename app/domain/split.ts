// How one grant is paid from several pots. The fund is co-funded by the Rijk, the gemeente and
// alliance partners (domain.md §1: "Alliantie Roosendaal Inwonersfonds", budget split into Rijk
// and own contribution), and a pot may be earmarked: only for some wijken/buurten, only for
// some protective factors, at most a share or an amount per grant. The proposal follows the
// fund's default rule (e.g. 80% Rijk, 20% partner) as far as periods, earmarks and available
// money allow, and fills what is left from the other eligible pots. It is a proposal: the
// ledger (ledger.ts, `commit`) decides, under a lock, whether the money is really there.
//
// The rule, step by step:
// 1. A pot is eligible when the activity date lies in its period, the grant's area is in its
//    areaIds (if any) and at least one of the grant's factors is in its factorIds (if any). Its
//    cap for this grant is the smallest of: available money, maxCentsPerGrant, and
//    maxShareBasisPoints of the grant rounded down to whole cents (money.shareOfCents).
// 2. Default rule: the grant is divided over the rule's lines by their shares (largest
//    remainder; the part above the sum of shares is "rest"). A line names a pot or a funder
//    kind; a kind line takes from its eligible pots in the stated order, each up to its cap.
//    What a line cannot place becomes rest.
// 3. Rest: taken in the stated order first from eligible pots no rule line names, then from the
//    pots the rule names (their caps still allow it).
// Stated order: priority ascending, then id. Pots' input order does not matter.
// Shares and share caps are whole basis points (decision 012): 8 000 = 80 %, 70 = 0.7 %.
import { BASIS_POINTS_PER_WHOLE, isBasisPoints, isCents, shareOfCents, splitByShares, type BasisPoints, type Cents } from "./money";
import { isIsoDate, type PotPart } from "./ledger";
import { ok, refuse, type Ok, type Refusal } from "./result";

export type FunderKind = "rijk" | "gemeente" | "partner";

export type Earmarks = Readonly<{
  areaIds?: readonly string[];
  factorIds?: readonly string[];
  /** The share of the grant this pot may pay at most, in whole basis points (70 = 0.7 %). */
  maxShareBasisPoints?: BasisPoints;
  /** Whole cents. A negative cap (like 0) lets the pot pay nothing. */
  maxCentsPerGrant?: Cents;
}>;

export type SplitPot = Readonly<{
  id: string;
  name: string;
  funderKind: FunderKind;
  periodStart: string;
  periodEnd: string;
  availableCents: Cents;
  earmarks: Earmarks;
  priority: number;
}>;

export type SplitGrant = Readonly<{
  cents: Cents;
  areaId: string;
  factorIds: readonly string[];
  activityDate: string;
}>;

/** One line of the default rule, its share in whole basis points; all lines together ≤ 10 000 (100 %). */
export type RuleLine = Readonly<{ potId: string; shareBasisPoints: BasisPoints }> | Readonly<{ funderKind: FunderKind; shareBasisPoints: BasisPoints }>;

/** Why a pot pays what it pays (or nothing), with the data its message needs. */
export type PotReason =
  | { reason: "outside_period"; periodStart: string; periodEnd: string }
  | { reason: "only_for_areas"; areaIds: readonly string[] }
  | { reason: "only_for_factors"; factorIds: readonly string[] }
  | { reason: "no_funds" }
  | { reason: "share_cap"; maxShareBasisPoints: BasisPoints }
  | { reason: "amount_cap"; maxCentsPerGrant: Cents }
  | { reason: "all_available"; availableCents: Cents }
  | { reason: "default_share"; shareBasisPoints: BasisPoints }
  | { reason: "filled_rest" }
  | { reason: "not_needed" };

export type PotExplanation = Readonly<{ potId: string; used: boolean; cents: Cents } & PotReason>;

export type SplitResult =
  | Ok<{ parts: PotPart[]; explanation: PotExplanation[] }>
  | Refusal<"no_eligible_pot" | "insufficient_total", { shortBy: Cents; explanation: PotExplanation[] }>
  | Refusal<"not_positive", { cents: number }>
  | Refusal<"invalid_date", { date: string }>
  | Refusal<"invalid_rule", { sumBasisPoints: number }>
  /** A pot's cap that is not a whole number (basis points, cents): a programming or data error. */
  | Refusal<"invalid_earmarks", { potId: string }>;

type Ineligible = Extract<PotReason, { reason: "outside_period" | "only_for_areas" | "only_for_factors" }>;
type Limit = Extract<PotReason, { reason: "no_funds" | "share_cap" | "amount_cap" | "all_available" }>;

/** Bookkeeping for one eligible pot while the split is made. */
type Slot = {
  pot: SplitPot;
  cap: Cents;
  limit: Limit;
  cents: Cents;
  restCents: Cents;
  /** Asked for more than its cap allowed. */
  limited: boolean;
  /** The share of the first rule line that gave this pot money. */
  shareBasisPoints: BasisPoints | null;
};

/** Pot ids are unique; the order is total. */
export function byStatedOrder(a: SplitPot, b: SplitPot): number {
  return a.priority - b.priority || (a.id < b.id ? -1 : 1);
}

function lineNames(line: RuleLine, pot: SplitPot): boolean {
  return "potId" in line ? line.potId === pot.id : line.funderKind === pot.funderKind;
}

function ineligibility(pot: SplitPot, grant: SplitGrant): Ineligible | null {
  const { areaIds, factorIds } = pot.earmarks;
  if (grant.activityDate < pot.periodStart || grant.activityDate > pot.periodEnd) {
    return { reason: "outside_period", periodStart: pot.periodStart, periodEnd: pot.periodEnd };
  }
  if (areaIds !== undefined && !areaIds.includes(grant.areaId)) return { reason: "only_for_areas", areaIds };
  if (factorIds !== undefined && !grant.factorIds.some((f) => factorIds.includes(f))) {
    return { reason: "only_for_factors", factorIds };
  }
  return null;
}

/** The binding limit: the smallest bound; on a tie available money, then amount, then share. */
function limitFor(pot: SplitPot, grantCents: Cents): { cap: Cents; limit: Limit } {
  const { maxCentsPerGrant, maxShareBasisPoints } = pot.earmarks;
  if (pot.availableCents <= 0) return { cap: 0, limit: { reason: "no_funds" } };
  let cap = pot.availableCents;
  let limit: Limit = { reason: "all_available", availableCents: pot.availableCents };
  if (maxCentsPerGrant !== undefined && maxCentsPerGrant < cap) {
    cap = Math.max(0, maxCentsPerGrant);
    limit = { reason: "amount_cap", maxCentsPerGrant };
  }
  if (maxShareBasisPoints !== undefined) {
    const shareCap = Math.max(0, shareOfCents(grantCents, maxShareBasisPoints));
    if (shareCap < cap) {
      cap = shareCap;
      limit = { reason: "share_cap", maxShareBasisPoints };
    }
  }
  return { cap, limit };
}

/** Give a slot up to `ask` cents; returns what it gave. */
function take(slot: Slot, ask: Cents): Cents {
  const give = Math.min(ask, slot.cap - slot.cents);
  if (give < ask) slot.limited = true;
  slot.cents += give;
  return give;
}

function explain(slot: Slot): PotExplanation {
  const base = { potId: slot.pot.id, used: slot.cents > 0, cents: slot.cents };
  if (slot.limited || slot.cap === 0) return { ...base, ...slot.limit };
  if (slot.cents === 0) return { ...base, reason: "not_needed" };
  if (slot.restCents > 0) return { ...base, reason: "filled_rest" };
  // Money that did not come from the rest came from a rule line, which set shareBasisPoints.
  return { ...base, reason: "default_share", shareBasisPoints: slot.shareBasisPoints! };
}

export function proposeSplit(pots: readonly SplitPot[], grant: SplitGrant, rule: readonly RuleLine[]): SplitResult {
  if (!Number.isSafeInteger(grant.cents) || grant.cents <= 0) return refuse("not_positive", { cents: grant.cents });
  if (!isIsoDate(grant.activityDate)) return refuse("invalid_date", { date: grant.activityDate });
  const sumBasisPoints = rule.reduce((sum, line) => sum + line.shareBasisPoints, 0);
  if (!rule.every((line) => isBasisPoints(line.shareBasisPoints)) || sumBasisPoints > BASIS_POINTS_PER_WHOLE) {
    return refuse("invalid_rule", { sumBasisPoints });
  }

  const ordered = [...pots].sort(byStatedOrder);
  const odd = ordered.find(({ earmarks: e }) => !isCents(e.maxShareBasisPoints ?? 0) || !isCents(e.maxCentsPerGrant ?? 0));
  if (odd !== undefined) return refuse("invalid_earmarks", { potId: odd.id });
  const slots = new Map<string, Slot>();
  const explanation = new Map<string, PotExplanation>();
  for (const pot of ordered) {
    const ineligible = ineligibility(pot, grant);
    if (ineligible !== null) {
      explanation.set(pot.id, { potId: pot.id, used: false, cents: 0, ...ineligible });
    } else {
      slots.set(pot.id, { pot, ...limitFor(pot, grant.cents), cents: 0, restCents: 0, limited: false, shareBasisPoints: null });
    }
  }
  const eligible = [...slots.values()];
  const named = (slot: Slot) => rule.some((line) => lineNames(line, slot.pot));

  // Step 2: the default rule. The last share is the rest (100 % − the rule's shares).
  const targets = splitByShares(grant.cents, [...rule.map((line) => line.shareBasisPoints), BASIS_POINTS_PER_WHOLE - sumBasisPoints]);
  let rest = targets[rule.length]!;
  rule.forEach((line, i) => {
    let toPlace = targets[i]!;
    for (const slot of eligible.filter((s) => lineNames(line, s.pot))) {
      const given = take(slot, toPlace);
      if (given > 0) slot.shareBasisPoints ??= line.shareBasisPoints;
      toPlace -= given;
    }
    rest += toPlace;
  });

  // Step 3: the rest, first from pots outside the rule, then from the rule's pots.
  for (const slot of [...eligible.filter((s) => !named(s)), ...eligible.filter(named)]) {
    const given = take(slot, rest);
    slot.restCents += given;
    rest -= given;
  }

  for (const slot of eligible) explanation.set(slot.pot.id, explain(slot));
  const explained = ordered.map((pot) => explanation.get(pot.id)!);
  if (rest > 0) {
    // No pot fits the initiative at all, or the pots that fit do not hold enough money.
    const reason = eligible.length === 0 ? "no_eligible_pot" : "insufficient_total";
    return refuse(reason, { shortBy: rest, explanation: explained });
  }
  const parts = eligible.filter((s) => s.cents > 0).map((s) => ({ potId: s.pot.id, cents: s.cents }));
  return ok({ parts, explanation: explained });
}

/** The fund's default rule when configuration names none (decision 144): 80 % Rijk, 20 % partner. */
export const DEFAULT_SPLIT_RULE = "rijk:8000,partner:2000";

const FUNDER_KINDS: readonly string[] = ["rijk", "gemeente", "partner"] satisfies FunderKind[];

/**
 * The default rule as configuration writes it: "rijk:8000,partner:2000" (a funder kind or a pot
 * id, a colon, whole basis points). Empty text is no rule (everything is rest). Null when a line
 * is not of that form or the shares add up to more than 10 000 (100 %).
 */
export function parseSplitRule(text: string): RuleLine[] | null {
  if (text.trim() === "") return [];
  const lines: RuleLine[] = [];
  for (const part of text.split(",")) {
    const match = /^\s*([^:\s]+)\s*:\s*(\d+)\s*$/.exec(part);
    if (match === null) return null;
    const [, key, digits] = match as unknown as [string, string, string];
    const shareBasisPoints = Number(digits);
    lines.push(FUNDER_KINDS.includes(key) ? { funderKind: key as FunderKind, shareBasisPoints } : { potId: key, shareBasisPoints });
  }
  const sum = lines.reduce((total, line) => total + line.shareBasisPoints, 0);
  return sum <= BASIS_POINTS_PER_WHOLE ? lines : null;
}
