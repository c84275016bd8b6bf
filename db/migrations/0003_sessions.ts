// Sessions on the server: the cookie carries only a random id (its hash is the key here), so a
// session can be revoked (sign-out, "sign out on all devices") and ends after idle time.
import type { Kysely } from "kysely";
import { bigInteger } from "../portable";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("idle_ms", bigInteger(db), (c) => c.notNull())
    .addColumn("absolute_ms", bigInteger(db), (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").columns(["user_id", "revoked_at"]).execute();
  await db.schema.createIndex("sessions_expires").on("sessions").column("expires_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("sessions").execute();
}
