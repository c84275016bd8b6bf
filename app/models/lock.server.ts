// The one way to write something that guards money or a status: the lock first, then read, check
// with the domain, write. Two reviewers who take the same application at once are served one
// after the other, so the second sees the first one's status and is refused, instead of both
// passing the check on the same old status (docs/decisions/061 and 111).
//
// SQLite: BEGIN IMMEDIATE (services/db.server.ts) takes the database's write lock before the first
// read; a second writer waits (busy_timeout) and then reads what the first one committed.
// PostgreSQL: READ COMMITTED, and before `fn` runs the named rows are locked with SELECT … FOR
// UPDATE and the named keys with transaction-scoped advisory locks, always in the same order so
// two writers cannot deadlock. Writers on other applications do not wait for each other; every
// statement after the lock sees what the previous holder committed.
import { sql } from "kysely";
import { engineOf, type DB, type Tx } from "~/services/db.server";

export type LockedRows = {
  /** Applications whose status or money this write reads and changes. */
  applications?: readonly string[];
  /** Pots whose money this write reads and changes (models/ledger.server.ts). */
  pots?: readonly string[];
  /** Things that have no row yet, e.g. "the application with this submission key" (advisory locks). */
  keys?: readonly string[];
};

export async function withWriteLock<T>(db: DB, rows: LockedRows, fn: (trx: Tx) => Promise<T>): Promise<T> {
  if (engineOf(db) === "sqlite") return db.transaction().setIsolationLevel("serializable").execute(fn);
  return db.transaction().execute(async (trx) => {
    for (const key of sorted(rows.keys)) await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
    const ids = sorted(rows.applications);
    if (ids.length > 0) await trx.selectFrom("applications").select("id").where("id", "in", ids).orderBy("id").forUpdate().execute();
    await lockPots(trx, rows.pots ?? []);
    return fn(trx);
  });
}

/**
 * Locks pot rows inside a transaction that already holds its other locks (a lifecycle step that
 * books money learns its pots only after it read the application). Always applications first,
 * then pots in id order, so two writers never wait for each other in a circle (decision 141).
 * On SQLite the transaction's BEGIN IMMEDIATE already holds the whole database: nothing to do.
 */
export async function lockPots(trx: Tx, potIds: readonly string[]): Promise<void> {
  const ids = sorted(potIds);
  if (ids.length === 0 || engineOf(trx) === "sqlite") return;
  await trx.selectFrom("pots").select("id").where("id", "in", ids).orderBy("id").forUpdate().execute();
}

const sorted = (values: readonly string[] | undefined) => [...new Set(values ?? [])].sort();
