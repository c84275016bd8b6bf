// The bureau's list at programme scale (100,000 applications): its order (newest first, the
// reference breaking ties) gets an index of its own, so a page is read from the index instead of
// sorting the table, and the page's keys are found in that index alone (models/application-views).
// It replaces the index on submitted_at only, which is its first column.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("applications_list_order").on("applications").columns(["submitted_at", "reference"]).execute();
  await db.schema.dropIndex("applications_submitted_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("applications_submitted_at").on("applications").column("submitted_at").execute();
  await db.schema.dropIndex("applications_list_order").execute();
}
