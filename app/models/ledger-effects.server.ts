// The seam between a lifecycle step and the money (decisions 130 and 142). A step's ledger
// effects (an approval below the four-eyes threshold or a confirmation commits the granted amount,
// a cancellation or an accepted report releases what is left, a payment disburses) are handed to
// ONE handler, inside the step's transaction and under its write lock, BEFORE anything of the step
// is written. Each effect goes through the one money write path (ledger.server.ts).
//
// When the money is not there (a pot would go below zero, or no pot fits), the handler returns a
// refusal as a value and has written nothing; applyLifecycleStep then returns it and writes
// nothing either: no status, no audit row, no mail. An unexpected ledger refusal (a bug, bad
// configuration) throws and rolls the whole step back.
//
// Operation ids come from the step: the application id and the number of audit rows it has
// before this step (fixed under the lock). The same step on the same state books once.
import type { Tx } from "~/services/db.server";
import type { Effect } from "~/domain/lifecycle";
import type { LedgerRefusal } from "~/domain/ledger";
import { DEFAULT_SPLIT_RULE, parseSplitRule, proposeSplit, type PotExplanation, type RuleLine } from "~/domain/split";
import { amsterdamDate } from "~/domain/workdays";
import { refuse, type Refusal } from "~/domain/result";
import { applyLedgerOperation, type Booking } from "./ledger.server";
import { lockPots } from "./lock.server";
import { potsWithBalances, type PotView } from "./pots.server";

export type LedgerEffect = Extract<Effect, { type: "ledger" }>;

/** What the handler knows of the step it belongs to. */
export type LedgerStep = {
  applicationId: string;
  reference: string;
  at: string;
  actorUserId: string | null;
  /** The audit log's name for the actor (their e-mail address, or "anonymous"). */
  actorLabel: string;
  /** The fund's default split (FUND_SPLIT_RULE); the default rule when not given. */
  splitRule?: readonly RuleLine[];
};

/** A pot and what it still holds, for the message beside the amount. */
export type PotAvailable = { name: string; availableCents: number };

/** Why a step's money cannot be booked: words for the bureau, beside the amount. */
export type MoneyRefusal =
  | Refusal<"money_short", { requestedCents: number; pots: PotAvailable[] }>
  | Refusal<"no_pot_fits", { date: string }>
  | Refusal<"exceeds_outstanding", { outstandingCents: number }>;

export type MoneyRefusalReason = MoneyRefusal["reason"];

export type LedgerEffectsHandler = (trx: Tx, effects: readonly LedgerEffect[], step: LedgerStep) => Promise<MoneyRefusal | null>;

const DEFAULT_RULE = parseSplitRule(DEFAULT_SPLIT_RULE)!;

/** The real handler: books each effect through applyLedgerOperation. */
export const recordLedgerEffects: LedgerEffectsHandler = async (trx, effects, step) => {
  const stepNumber = await auditCount(trx, step.applicationId);
  const booking: Booking = { actor: { userId: step.actorUserId, label: step.actorLabel }, at: step.at };
  const date = amsterdamDate(new Date(step.at));
  for (const [i, effect] of effects.entries()) {
    const id = `${step.applicationId}:${stepNumber}:${i}:${effect.operation}`;
    const refusal = await book(trx, effect, { id, date, step, booking });
    if (refusal === null) continue;
    // The first effect refused: nothing was booked. A later one: roll back what the earlier booked.
    if (i > 0) throw new Error(`A step's second money effect was refused after its first was booked: ${refusal.reason}`);
    return refusal;
  }
  return null;
};

type BookContext = { id: string; date: string; step: LedgerStep; booking: Booking };

async function book(trx: Tx, effect: LedgerEffect, { id, date, step, booking }: BookContext): Promise<MoneyRefusal | null> {
  const grantId = step.applicationId;
  if (effect.operation === "release") {
    const result = await applyLedgerOperation(trx, { kind: "release", id, grantId, cents: "all", date }, booking);
    // Nothing outstanding (never committed, e.g. approved before pots existed): nothing to give back.
    if (!result.ok && result.reason !== "nothing_outstanding") unexpected(result);
    return null;
  }
  if (effect.operation === "disburse") {
    const result = await applyLedgerOperation(trx, { kind: "disburse", id, grantId, cents: effect.cents, date }, booking);
    if (result.ok) return null;
    if (result.reason === "exceeds_outstanding") return refuse("exceeds_outstanding", { outstandingCents: result.outstanding });
    if (result.reason === "nothing_outstanding") return refuse("exceeds_outstanding", { outstandingCents: 0 });
    return unexpected(result);
  }
  return commit(trx, effect.cents, { id, date, step, booking });
}

/**
 * Commits a grant over the pots: every pot is locked first (the split weighs them all), then
 * split.ts proposes the parts by the fund's rule and the pots' earmarks and money, and the ledger
 * books them linked (all or nothing). Only pots whose period holds the day of the decision pay.
 */
async function commit(trx: Tx, cents: number, { id, date, step, booking }: BookContext): Promise<MoneyRefusal | null> {
  const pots = await lockedPots(trx, date);
  const grant = await grantFacts(trx, step.applicationId);
  const split = proposeSplit(pots, { cents, areaId: grant.areaId, factorIds: grant.factorIds, activityDate: date }, step.splitRule ?? DEFAULT_RULE);
  if (!split.ok) {
    if (split.reason === "no_eligible_pot") return refuse("no_pot_fits", { date });
    if (split.reason === "insufficient_total") return refuse("money_short", { requestedCents: cents, pots: eligibleOf(pots, split.explanation) });
    throw new Error(`The split could not be made: ${split.reason}`);
  }
  const result = await applyLedgerOperation(trx, { kind: "commit", id, grantId: step.applicationId, parts: split.parts, date }, booking);
  if (result.ok) return null;
  // Under the lock the split saw the same money as the ledger: this is a bug, not a short pot.
  return unexpected(result);
}

/**
 * The pots a commitment on `date` can use, locked (applications first, then pots in id order:
 * decision 141), with their money read after the lock.
 */
async function lockedPots(trx: Tx, date: string): Promise<PotView[]> {
  const ids = await trx.selectFrom("pots").select("id").where("period_start", "<=", date).where("period_end", ">=", date).execute();
  await lockPots(
    trx,
    ids.map((r) => r.id),
  );
  return potsWithBalances(trx, { on: date });
}

/** The pots that could have paid (period, area and factors fit), with what they still hold. */
function eligibleOf(pots: readonly PotView[], explanation: readonly PotExplanation[]): PotAvailable[] {
  const ineligible = new Set(["outside_period", "only_for_areas", "only_for_factors"]);
  const fitting = new Set(explanation.filter((e) => !ineligible.has(e.reason)).map((e) => e.potId));
  return pots.filter((p) => fitting.has(p.id)).map((p) => ({ name: p.name, availableCents: Math.max(0, p.availableCents) }));
}

/** What the split needs of the application: its area and its protective factors. */
export async function grantFacts(trx: Tx, applicationId: string): Promise<{ areaId: string; factorIds: string[] }> {
  const application = await trx.selectFrom("applications").select("area_id").where("id", "=", applicationId).executeTakeFirstOrThrow();
  const factors = await trx.selectFrom("application_factors").select("factor_id").where("application_id", "=", applicationId).execute();
  return { areaId: application.area_id, factorIds: factors.map((f) => f.factor_id) };
}

async function auditCount(trx: Tx, applicationId: string): Promise<number> {
  const row = await trx
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("entity_type", "=", "application")
    .where("entity_id", "=", applicationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function unexpected(refusal: LedgerRefusal): never {
  throw new Error(`The ledger refused a lifecycle step's money: ${JSON.stringify(refusal)}`);
}
