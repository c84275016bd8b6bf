// What the lifecycle needs to know beyond the status: the granted amount and the first approver
// (four eyes), and who has a conflict of interest on an application.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("applications").addColumn("granted_cents", "integer").execute();
  await db.schema
    .alterTable("applications")
    .addColumn("first_approver_user_id", "text", (c) => c.references("users.id"))
    .execute();
  await db.schema
    .createTable("conflicts_of_interest")
    .addColumn("application_id", "text", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("declared_at", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addPrimaryKeyConstraint("conflicts_of_interest_pk", ["application_id", "user_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("conflicts_of_interest").execute();
  await db.schema.alterTable("applications").dropColumn("first_approver_user_id").execute();
  await db.schema.alterTable("applications").dropColumn("granted_cents").execute();
}
