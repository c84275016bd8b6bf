// The ONE way money moves (decision 141): every allocation, commitment, disbursement and release
// goes through `applyLedgerOperation`, inside a transaction that holds the write lock. It locks
// the pots involved, loads what domain/ledger.ts `check` needs, and on "yes" appends the entries
// and one audit row in that same transaction. A refusal is a value and writes nothing; an
// operation id that was applied before is a harmless retry that returns the earlier entries.
//
// Balances are never stored: they are SUM queries over ledger_entries (index by pot and kind).
// `check` works on entries, so each pot's other entries reach it summed up per kind, as one
// entry each; only the grant's own entries and the operation's earlier entries come as rows.
// The sums are exactly what the domain would add up itself, at any number of rows.
import { sql } from "kysely";
import type { DB, Tx } from "~/services/db.server";
import { check, potBalance, type EntryKind, type LedgerEntry, type LedgerPot, type LedgerRefusal, type Operation, type PotBalance } from "~/domain/ledger";
import { ok, type Ok } from "~/domain/result";
import { LEDGER_AUDIT_ACTIONS, writeAudit, type AuditActor } from "./audit.server";
import { lockPots } from "./lock.server";

/** Who books the operation, when, and why (kept on every entry and in the audit row). */
export type Booking = { actor: AuditActor; at: string; reason?: string | null };

export type AppliedOperation = Ok<{ entries: LedgerEntry[]; repeated: boolean }>;

/** A name no operation id can have: the summed entries stand for many rows. */
const SUMMED = "\u0000summed";

/**
 * Applies one ledger operation. Call it with a transaction from `withWriteLock` (or a lifecycle
 * step's); it locks the pots itself. Returns the entries written, or (repeated: true) the
 * entries an earlier call with the same id wrote, or the domain's refusal.
 */
export async function applyLedgerOperation(trx: Tx, operation: Operation, who: Booking): Promise<AppliedOperation | LedgerRefusal> {
  const grantId = "grantId" in operation ? operation.grantId : null;
  const potIds = await potsOf(trx, operation);
  await lockPots(trx, potIds);
  const state = { pots: await loadPots(trx, potIds), entries: await loadEntries(trx, potIds, operation.id, grantId) };
  const result = check(state, operation);
  if (!result.ok) return result;
  if (result.entries.length === 0) {
    return ok({ entries: state.entries.filter((e) => e.id === operation.id), repeated: true });
  }
  for (const entry of result.entries) {
    await trx
      .insertInto("ledger_entries")
      .values({
        operation_id: entry.id,
        pot_id: entry.potId,
        application_id: entry.grantId ?? null,
        kind: entry.kind,
        cents: entry.cents,
        date: entry.date,
        actor_user_id: who.actor.userId,
        actor_label: who.actor.label,
        at: who.at,
        reason: who.reason ?? null,
      })
      .execute();
  }
  const kind = result.entries[0]!.kind;
  await writeAudit(trx, {
    at: who.at,
    actor: who.actor,
    action: LEDGER_AUDIT_ACTIONS[kind],
    entityType: grantId === null ? "pot" : "application",
    entityId: grantId ?? result.entries[0]!.potId,
    after: {
      operationId: operation.id,
      date: operation.date,
      parts: result.entries.map((e) => ({ potId: e.potId, cents: e.cents })),
      ...(who.reason ? { reason: who.reason } : {}),
    },
  });
  return ok({ entries: result.entries, repeated: false });
}

/** The pots an operation may touch: named ones, or for a payment or release every pot of the grant. */
async function potsOf(trx: Tx, operation: Operation): Promise<string[]> {
  switch (operation.kind) {
    case "allocate":
      return [operation.potId];
    case "commit":
      return operation.parts.map((p) => p.potId);
    case "disburse":
    case "release": {
      if (operation.potId !== undefined) return [operation.potId];
      const rows = await trx.selectFrom("ledger_entries").select("pot_id").distinct().where("application_id", "=", operation.grantId).execute();
      return rows.map((r) => r.pot_id);
    }
  }
}

async function loadPots(trx: Tx, potIds: readonly string[]): Promise<LedgerPot[]> {
  if (potIds.length === 0) return [];
  const rows = await trx.selectFrom("pots").select(["id", "period_start", "period_end"]).where("id", "in", potIds).execute();
  return rows.map((r) => ({ id: r.id, periodStart: r.period_start, periodEnd: r.period_end }));
}

type EntryRow = { operation_id: string; pot_id: string; application_id: string | null; kind: EntryKind; cents: number | string; date: string };

function toEntry(row: EntryRow): LedgerEntry {
  const entry = { id: row.operation_id, potId: row.pot_id, kind: row.kind, cents: Number(row.cents), date: row.date };
  return row.application_id === null ? entry : { ...entry, grantId: row.application_id };
}

/** The grant's and the operation's own entries as rows; every other entry of the pots summed per pot and kind. */
async function loadEntries(trx: Tx, potIds: readonly string[], operationId: string, grantId: string | null): Promise<LedgerEntry[]> {
  const own = await trx
    .selectFrom("ledger_entries")
    .select(["operation_id", "pot_id", "application_id", "kind", "cents", "date"])
    .where((eb) => {
      const sameOperation = eb("operation_id", "=", operationId);
      if (grantId === null || potIds.length === 0) return sameOperation;
      return eb.or([sameOperation, eb.and([eb("application_id", "=", grantId), eb("pot_id", "in", potIds)])]);
    })
    .orderBy("id")
    .execute();
  if (potIds.length === 0) return own.map(toEntry);
  const summed = await trx
    .selectFrom("ledger_entries")
    .select(["pot_id", "kind", (eb) => eb.fn.sum<number | string>("cents").as("cents")])
    .where("pot_id", "in", potIds)
    .where("operation_id", "<>", operationId)
    .$if(grantId !== null, (qb) => qb.where((eb) => eb.or([eb("application_id", "is", null), eb("application_id", "<>", grantId!)])))
    .groupBy(["pot_id", "kind"])
    .execute();
  const sums = summed.map((r) => toEntry({ operation_id: SUMMED, pot_id: r.pot_id, application_id: null, kind: r.kind, cents: r.cents, date: "0000-01-01" }));
  return [...sums, ...own.map(toEntry)];
}

/** Each pot's balance (budget, committed, paid, available, outstanding), from one SUM query. */
export async function potBalances(db: DB | Tx, potIds?: readonly string[]): Promise<Map<string, PotBalance>> {
  if (potIds !== undefined && potIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("pots as p")
    .leftJoin("ledger_entries as e", "e.pot_id", "p.id")
    .select(["p.id", "e.kind", (eb) => eb.fn.coalesce(eb.fn.sum<number | string>("e.cents"), sql.lit(0)).as("cents")])
    .$if(potIds !== undefined, (qb) => qb.where("p.id", "in", potIds!))
    .groupBy(["p.id", "e.kind"])
    .execute();
  const entries: LedgerEntry[] = rows
    .filter((r) => r.kind !== null)
    .map((r) => toEntry({ operation_id: SUMMED, pot_id: r.id, application_id: null, kind: r.kind!, cents: r.cents, date: "0000-01-01" }));
  return new Map(rows.map((r) => [r.id, potBalance(entries, r.id)]));
}

/** All entries of one grant, oldest first (what it was promised, paid and given back, per pot). */
export async function grantEntries(db: DB | Tx, applicationId: string): Promise<LedgerEntry[]> {
  const rows = await db
    .selectFrom("ledger_entries")
    .select(["operation_id", "pot_id", "application_id", "kind", "cents", "date"])
    .where("application_id", "=", applicationId)
    .orderBy("id")
    .execute();
  return rows.map(toEntry);
}
