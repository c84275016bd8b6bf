// Which engine a kysely instance talks to, and what generation may tune on it. SQLite's page
// cache is 2 MB by default; inserting a million rows into random-keyed indexes (UUIDs, hashes)
// then reads pages back from disk all the time, so the generator's connection gets a larger one.
import { sql, SqliteAdapter } from "kysely";
import type { DB } from "../../app/services/db.server";

export function isSqlite(db: DB): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

export async function tuneForBulkInsert(db: DB): Promise<void> {
  if (isSqlite(db)) await sql`pragma cache_size = -262144`.execute(db); // 256 MB, this connection only
}
