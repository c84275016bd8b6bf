import { sql } from "kysely";
import { getDb } from "~/services/db.server";
import { outboxCounts } from "./outbox.server";

/** True when the database answers a trivial query. */
export async function databaseAnswers(): Promise<boolean> {
  await sql`select 1`.execute(await getDb());
  return true;
}

/** Mail waiting to go out, and dead letters (every try used up) that a person must look at. */
export async function mailQueue(): Promise<{ pending: number; deadLetters: number }> {
  return outboxCounts(await getDb());
}
