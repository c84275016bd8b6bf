// The budget ledger. Money in a pot is a list of facts that are only ever appended:
// an allocation puts money into a pot, a commitment reserves money for a grant, a disbursement
// pays part of a commitment, a release gives back what a grant will not use. Balances are sums
// over these facts and are never stored. The design follows TigerBeetle's two-phase transfers:
// a commitment is a pending transfer, a disbursement posts part of it, a release voids the rest;
// a co-funded grant is a set of linked transfers that succeed or fail together; every operation
// carries a client-chosen id, so a retried request is applied at most once.
// Source: architecture.md "Money and state are facts"; domain.md §1 (budget), §5 (periods).
//
// Identity, per pot and per grant in a pot, after every accepted operation:
//   budget      = Σ allocations
//   committed   = Σ commitments − Σ releases     (money already paid stays inside committed)
//   paid        = Σ disbursements
//   available   = budget − committed              never below 0
//   outstanding = committed − paid                never below 0 (per grant per pot)
//
// Periods: money may be allocated to a pot on any day up to its period end (a budget is often
// booked before the period starts); money may be committed only on a day inside the period;
// an existing commitment may be paid or released on any day from the period start on, also
// after the period end (a grant approved in December is often paid or settled in January),
// but never before the grant's latest commitment in that pot: money is paid or given back only
// once it was committed, so that no day's balance (the forecast's curve) goes below zero.
import { splitByShares, type Cents } from "./money";
import { ok, refuse, type Ok, type Refusal } from "./result";

export type EntryKind = "allocation" | "commitment" | "disbursement" | "release";

/**
 * One fact in the ledger. `id` is the client-chosen operation id; an operation that touches
 * several pots writes one entry per pot with the same id, so (id, potId) is unique.
 */
export type LedgerEntry = Readonly<{
  id: string;
  potId: string;
  grantId?: string;
  kind: EntryKind;
  cents: Cents;
  date: string;
}>;

export type LedgerPot = Readonly<{ id: string; periodStart: string; periodEnd: string }>;

/**
 * What `check` needs: the pots involved and ALL entries of those pots (for disburse and
 * release: all pots the grant has entries in). Load them under a lock, check, then append.
 */
export type LedgerState = Readonly<{ pots: readonly LedgerPot[]; entries: readonly LedgerEntry[] }>;

export type PotPart = Readonly<{ potId: string; cents: Cents }>;

export type Operation =
  | Readonly<{ kind: "allocate"; id: string; potId: string; cents: Cents; date: string }>
  | Readonly<{ kind: "commit"; id: string; grantId: string; parts: readonly PotPart[]; date: string }>
  /** Without potId the amount is spread over the grant's pots in proportion to what is outstanding. */
  | Readonly<{ kind: "disburse"; id: string; grantId: string; potId?: string; cents: Cents; date: string }>
  /** "all" releases everything outstanding (in one pot, or in every pot of the grant). */
  | Readonly<{ kind: "release"; id: string; grantId: string; potId?: string; cents: Cents | "all"; date: string }>;

export type LedgerRefusal =
  | Refusal<"not_positive", { cents: number }>
  | Refusal<"not_whole_cents", { cents: number }>
  | Refusal<"invalid_date", { date: string }>
  | Refusal<"no_parts">
  | Refusal<"duplicate_pot", { potId: string }>
  | Refusal<"unknown_pot", { potId: string }>
  | Refusal<"outside_period", { potId: string; date: string; periodStart: string; periodEnd: string }>
  | Refusal<"insufficient_funds", { potId: string; available: Cents; requested: Cents }>
  | Refusal<"exceeds_outstanding", { grantId: string; outstanding: Cents; requested: Cents }>
  | Refusal<"nothing_outstanding", { grantId: string }>
  | Refusal<"before_commitment", { grantId: string; date: string; committedOn: string }>
  | Refusal<"duplicate_operation", { operationId: string }>;

export type LedgerRefusalReason = LedgerRefusal["reason"];

/** Entries to append; empty when the operation id was applied before (a harmless retry). */
export type CheckResult = Ok<{ entries: LedgerEntry[] }> | LedgerRefusal;

export type PotBalance = Readonly<{
  budget: Cents;
  committed: Cents;
  paid: Cents;
  available: Cents;
  outstanding: Cents;
}>;

export type GrantBalance = Readonly<{ committed: Cents; paid: Cents; outstanding: Cents }>;

/** True for a real calendar day written as "YYYY-MM-DD". */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this month.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Sign of an entry in `committed`: commitments add, releases subtract, the rest do not count. */
function committedDelta(entry: LedgerEntry): Cents {
  if (entry.kind === "commitment") return entry.cents;
  if (entry.kind === "release") return -entry.cents;
  return 0;
}

export function potBalance(entries: readonly LedgerEntry[], potId: string): PotBalance {
  let budget = 0;
  let committed = 0;
  let paid = 0;
  for (const entry of entries) {
    if (entry.potId !== potId) continue;
    if (entry.kind === "allocation") budget += entry.cents;
    if (entry.kind === "disbursement") paid += entry.cents;
    committed += committedDelta(entry);
  }
  return { budget, committed, paid, available: budget - committed, outstanding: committed - paid };
}

/** Balance of one grant, in one pot or summed over all its pots. */
export function grantBalance(entries: readonly LedgerEntry[], grantId: string, potId?: string): GrantBalance {
  let committed = 0;
  let paid = 0;
  for (const entry of entries) {
    if (entry.grantId !== grantId) continue;
    if (potId !== undefined && entry.potId !== potId) continue;
    if (entry.kind === "disbursement") paid += entry.cents;
    committed += committedDelta(entry);
  }
  return { committed, paid, outstanding: committed - paid };
}

/** The grant's balance per pot, pots in id order (the order of proportional splits). */
export function grantBalancesByPot(entries: readonly LedgerEntry[], grantId: string): Array<GrantBalance & { potId: string }> {
  const potIds = [...new Set(entries.filter((e) => e.grantId === grantId).map((e) => e.potId))].sort();
  return potIds.map((potId) => ({ potId, ...grantBalance(entries, grantId, potId) }));
}

/**
 * Decide whether an operation may be applied. Pure: returns the entries to append (all or
 * nothing) or a refusal, and never changes `state`.
 */
export function check(state: LedgerState, operation: Operation): CheckResult {
  const earlier = state.entries.filter((e) => e.id === operation.id);
  if (earlier.length > 0) {
    return sameOperation(earlier, operation) ? ok({ entries: [] }) : refuse("duplicate_operation", { operationId: operation.id });
  }
  if (!isIsoDate(operation.date)) return refuse("invalid_date", { date: operation.date });
  switch (operation.kind) {
    case "allocate":
      return checkAllocate(state, operation);
    case "commit":
      return checkCommit(state, operation);
    case "disburse":
    case "release":
      return checkPayOrRelease(state, operation);
  }
}

type Allocate = Extract<Operation, { kind: "allocate" }>;
type Commit = Extract<Operation, { kind: "commit" }>;
type PayOrRelease = Extract<Operation, { kind: "disburse" | "release" }>;

const ENTRY_KIND = {
  allocate: "allocation",
  commit: "commitment",
  disburse: "disbursement",
  release: "release",
} as const satisfies Record<Operation["kind"], EntryKind>;

/**
 * A retry carries the same id and the same content. The date is not compared: a retry after
 * midnight is still the same request. An id reused for something else is refused.
 */
function sameOperation(earlier: readonly LedgerEntry[], operation: Operation): boolean {
  if (earlier.some((e) => e.kind !== ENTRY_KIND[operation.kind])) return false;
  const total = earlier.reduce((sum, e) => sum + e.cents, 0);
  switch (operation.kind) {
    case "allocate":
      return earlier.length === 1 && earlier[0]!.potId === operation.potId && total === operation.cents;
    case "commit":
      return earlier.every((e) => e.grantId === operation.grantId) && partsKey(earlier) === partsKey(operation.parts);
    case "disburse":
    case "release":
      return (
        earlier.every((e) => e.grantId === operation.grantId) &&
        (operation.potId === undefined || earlier.every((e) => e.potId === operation.potId)) &&
        (operation.cents === "all" || total === operation.cents)
      );
  }
}

function partsKey(parts: readonly PotPart[]): string {
  return JSON.stringify(parts.map((p) => [p.potId, p.cents]).sort());
}

function amountRefusal(cents: number): LedgerRefusal | undefined {
  if (!Number.isSafeInteger(cents)) return refuse("not_whole_cents", { cents });
  if (cents <= 0) return refuse("not_positive", { cents });
  return undefined;
}

/** Which ends of the pot's period bind an operation (see the header). */
type PeriodRule = Readonly<{ notBefore: boolean; notAfter: boolean }>;
const UNTIL_END: PeriodRule = { notBefore: false, notAfter: true }; // allocations
const INSIDE: PeriodRule = { notBefore: true, notAfter: true }; // commitments
const FROM_START: PeriodRule = { notBefore: true, notAfter: false }; // disbursements, releases

function potRefusal(state: LedgerState, potId: string, date: string, rule: PeriodRule): LedgerRefusal | undefined {
  const pot = state.pots.find((p) => p.id === potId);
  if (pot === undefined) return refuse("unknown_pot", { potId });
  const tooEarly = rule.notBefore && date < pot.periodStart;
  const tooLate = rule.notAfter && date > pot.periodEnd;
  if (tooEarly || tooLate) {
    return refuse("outside_period", { potId, date, periodStart: pot.periodStart, periodEnd: pot.periodEnd });
  }
  return undefined;
}

function entry(operation: Operation, potId: string, cents: Cents, grantId?: string): LedgerEntry {
  const base = { id: operation.id, potId, kind: ENTRY_KIND[operation.kind], cents, date: operation.date };
  return grantId === undefined ? base : { ...base, grantId };
}

function checkAllocate(state: LedgerState, operation: Allocate): CheckResult {
  const refusal = amountRefusal(operation.cents) ?? potRefusal(state, operation.potId, operation.date, UNTIL_END);
  if (refusal) return refusal;
  return ok({ entries: [entry(operation, operation.potId, operation.cents)] });
}

/** Linked: every part is checked before any entry is proposed; one failing part refuses all. */
function checkCommit(state: LedgerState, operation: Commit): CheckResult {
  if (operation.parts.length === 0) return refuse("no_parts");
  const seen = new Set<string>();
  for (const part of operation.parts) {
    if (seen.has(part.potId)) return refuse("duplicate_pot", { potId: part.potId });
    seen.add(part.potId);
    const refusal = amountRefusal(part.cents) ?? potRefusal(state, part.potId, operation.date, INSIDE);
    if (refusal) return refusal;
    const { available } = potBalance(state.entries, part.potId);
    if (part.cents > available) {
      return refuse("insufficient_funds", { potId: part.potId, available, requested: part.cents });
    }
  }
  return ok({ entries: operation.parts.map((p) => entry(operation, p.potId, p.cents, operation.grantId)) });
}

/** The date of the grant's latest commitment in the pot ("" when it has none there). */
function lastCommitmentDate(entries: readonly LedgerEntry[], grantId: string, potId: string): string {
  let last = "";
  for (const e of entries) {
    if (e.kind === "commitment" && e.grantId === grantId && e.potId === potId && e.date > last) last = e.date;
  }
  return last;
}

function checkPayOrRelease(state: LedgerState, operation: PayOrRelease): CheckResult {
  const { grantId, potId, date } = operation;
  if (operation.cents !== "all") {
    const refusal = amountRefusal(operation.cents);
    if (refusal) return refusal;
  }
  if (potId !== undefined) {
    const refusal = potRefusal(state, potId, date, FROM_START);
    if (refusal) return refusal;
  }
  const pots = grantBalancesByPot(state.entries, grantId).filter((b) => potId === undefined || b.potId === potId);
  const outstanding = pots.reduce((sum, b) => sum + b.outstanding, 0);

  let parts: PotPart[];
  if (operation.cents === "all") {
    if (outstanding === 0) return refuse("nothing_outstanding", { grantId });
    parts = pots.map((b) => ({ potId: b.potId, cents: b.outstanding }));
  } else {
    if (operation.cents > outstanding) {
      return refuse("exceeds_outstanding", { grantId, outstanding, requested: operation.cents });
    }
    // Largest remainder over the outstanding amounts: no part can exceed its pot's outstanding.
    const split = splitByShares(
      operation.cents,
      pots.map((b) => b.outstanding),
    );
    parts = pots.map((b, i) => ({ potId: b.potId, cents: split[i]! }));
  }

  const used = parts.filter((p) => p.cents > 0);
  for (const part of used) {
    const refusal = potRefusal(state, part.potId, date, FROM_START);
    if (refusal) return refusal;
    const committedOn = lastCommitmentDate(state.entries, grantId, part.potId);
    if (date < committedOn) return refuse("before_commitment", { grantId, date, committedOn });
  }
  return ok({ entries: used.map((p) => entry(operation, p.potId, p.cents, grantId)) });
}
