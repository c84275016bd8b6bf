// Rate limits kept in the database (several app processes, PostgreSQL next): one row per counted
// event, and one row per key that a transaction writes first, so that two requests for the same
// key are counted one after the other. Keys are stored hashed (no e-mail or IP address in plain text).
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rate_limit_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("key_hash", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("rate_limit_events_key").on("rate_limit_events").columns(["bucket", "key_hash", "at"]).execute();
  await db.schema.createIndex("rate_limit_events_at").on("rate_limit_events").column("at").execute();

  await db.schema
    .createTable("rate_limit_keys")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("key_hash", "text", (c) => c.notNull())
    .addColumn("touched_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("rate_limit_keys_pk", ["bucket", "key_hash"])
    .execute();

  // Expired drafts are deleted by the housekeeping round.
  await db.schema.createIndex("drafts_expires_at").on("drafts").column("expires_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("drafts_expires_at").execute();
  await db.schema.dropTable("rate_limit_keys").execute();
  await db.schema.dropTable("rate_limit_events").execute();
}
