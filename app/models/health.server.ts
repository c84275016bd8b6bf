import { sql } from "kysely";
import { getDb } from "~/services/db.server";

/** True when the database answers a trivial query. */
export async function databaseAnswers(): Promise<boolean> {
  await sql`select 1`.execute(await getDb());
  return true;
}
