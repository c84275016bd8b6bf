// A fingerprint of what a resident sent, so the same application sent again (back button and
// resend, where the browser did not keep the form's hidden key) is recognised as a repeat.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("applications").addColumn("content_hash", "text").execute();
  await db.schema.createIndex("applications_content_hash").on("applications").columns(["content_hash", "submitted_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("applications_content_hash").execute();
  await db.schema.alterTable("applications").dropColumn("content_hash").execute();
}
