// Questions to the applicant and their answers (issue 15): the conversation between the bureau and
// the resident while an application waits for more information. One row per message; the status
// step that goes with it (ask_question, the answer's submit) writes it in its own transaction.
// Portable: text ids, ISO text timestamps.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("application_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("application_id", "text", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("author_user_id", "text", (c) => c.references("users.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("application_messages_by_application").on("application_messages").columns(["application_id", "at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("application_messages").execute();
}
