// The bureau's work queue (issue 15): the answer clock's latest start is stored on the application
// (set by the lifecycle's one write path at every submit, decision 010), so "late" is a range
// condition on an index instead of a walk through the audit log; and indexes for the queue's
// filters in the list's own order (submitted_at, reference, migration 0008), so a filtered page's
// keys still come from an index alone (decision 132). Portable: plain text column, plain indexes.
import type { Kysely } from "kysely";
import { sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("applications").addColumn("answer_clock_started_at", "text").execute();
  // Before this column the clock started at the submission: nothing recorded answers yet.
  await sql`update applications set answer_clock_started_at = submitted_at where status <> 'draft'`.execute(db);
  await db.schema.createIndex("applications_status_order").on("applications").columns(["status", "submitted_at", "reference"]).execute();
  await db.schema.createIndex("applications_status_clock").on("applications").columns(["status", "answer_clock_started_at"]).execute();
  await db.schema.createIndex("applications_assigned_order").on("applications").columns(["assigned_user_id", "submitted_at", "reference"]).execute();
  await db.schema.createIndex("applications_area_order").on("applications").columns(["area_id", "submitted_at", "reference"]).execute();
  await db.schema.createIndex("application_factors_by_factor").on("application_factors").columns(["factor_id", "application_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    "application_factors_by_factor",
    "applications_area_order",
    "applications_assigned_order",
    "applications_status_clock",
    "applications_status_order",
  ])
    await db.schema.dropIndex(index).execute();
  await db.schema.alterTable("applications").dropColumn("answer_clock_started_at").execute();
}
