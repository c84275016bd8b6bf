// What generation tunes per engine. SQLite's page cache is 2 MB by default; inserting a million
// rows into random-keyed indexes (UUIDs, hashes) then reads pages back from disk all the time, so
// the generator's connection gets a larger one. PostgreSQL gets VACUUM ANALYZE at the end, as
// autovacuum would give it soon after a bulk load: statistics for the planner, and the visibility
// map that index-only scans need. SQLite is left unanalysed, as installations run it.
import { sql } from "kysely";
import type { DB } from "../../app/services/db.server";
import { engineOf } from "../../db/engine";

export async function tuneForBulkInsert(db: DB): Promise<void> {
  if (engineOf(db) === "sqlite") await sql`pragma cache_size = -262144`.execute(db); // 256 MB, this connection only
}

export async function settle(db: DB): Promise<void> {
  if (engineOf(db) === "postgres") await sql`vacuum analyze`.execute(db);
}
