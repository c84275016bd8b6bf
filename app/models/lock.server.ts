// The one way to write something that guards money or a status: the lock first, then read, check
// with the domain, write. Two reviewers who take the same application at once are served one
// after the other, so the second sees the first one's status and is refused, instead of both
// passing the check on the same old status.
//
// SQLite: BEGIN IMMEDIATE (services/db.server.ts) takes the database's write lock before the first
// read; a second writer waits (busy_timeout) and then reads what the first one committed.
// PostgreSQL (next issue): the same call begins the transaction and locks `rows` with
// SELECT … FOR UPDATE, so writers on other applications do not wait for each other.
import { SqliteAdapter } from "kysely";
import type { DB, Tx } from "~/services/db.server";

/** The rows a write guards, by table; SQLite locks the whole database whatever this says. */
export type LockedRows = { applications?: readonly string[] };

export async function withWriteLock<T>(db: DB, rows: LockedRows, fn: (trx: Tx) => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    // Not built yet: PostgreSQL locks `rows` FOR UPDATE here (decision 061).
    throw new Error(`withWriteLock: no row lock for this database yet (rows: ${JSON.stringify(rows)})`);
  }
  return db.transaction().setIsolationLevel("serializable").execute(fn);
}
