// The bureau's review and decision (issue 15): who works on an application, what kind of
// conflict of interest was declared, the judgement per protective factor, the bureau's own note,
// and what was decided beyond the status (conditions, help besides money, the reason written to
// the resident, what they could do instead, an override's reason). Portable: text ids, ISO text
// timestamps, 0/1 booleans, integer cents, JSON as text.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("applications")
    .addColumn("assigned_user_id", "text", (c) => c.references("users.id"))
    .execute();
  await db.schema.alterTable("conflicts_of_interest").addColumn("kind", "text").execute();
  await db.schema
    .createTable("review_judgements")
    .addColumn("application_id", "text", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("factor_id", "text", (c) => c.notNull().references("factors.id"))
    .addColumn("judgement", "text", (c) => c.notNull())
    .addColumn("motivation", "text", (c) => c.notNull())
    .addColumn("added_by_bureau", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("reviewer_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("review_judgements_pk", ["application_id", "factor_id"])
    .execute();
  await db.schema
    .createTable("review_notes")
    .addColumn("application_id", "text", (c) => c.primaryKey().references("applications.id").onDelete("cascade"))
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("updated_by_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("application_decisions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("application_id", "text", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "text", (c) => c.references("users.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("granted_cents", "integer")
    .addColumn("conditions", "text")
    .addColumn("help_json", "text")
    .addColumn("reason", "text")
    .addColumn("alternatives", "text")
    .addColumn("override_json", "text")
    .execute();
  await db.schema.createIndex("application_decisions_by_application").on("application_decisions").columns(["application_id", "at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("application_decisions").execute();
  await db.schema.dropTable("review_notes").execute();
  await db.schema.dropTable("review_judgements").execute();
  await db.schema.alterTable("conflicts_of_interest").dropColumn("kind").execute();
  await db.schema.alterTable("applications").dropColumn("assigned_user_id").execute();
}
