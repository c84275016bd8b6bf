// The outbox stops keeping secrets: a mail may carry an end date (a sign-in code's expiry), the
// time of its last try is kept for the dead-letter page, and mail that was already delivered loses
// its subject and body (codes, sign-in links and status links were kept there in plain text).
import type { Kysely } from "kysely";

// The sign-in code's lifetime when this migration was written (models/login-codes.server.ts).
const SIGN_IN_LIFETIME_MS = 15 * 60 * 1000;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("expires_at", "text").execute();
  await db.schema.alterTable("outbox").addColumn("last_attempt_at", "text").execute();
  await db.updateTable("outbox").set({ subject: "", text_body: "", html_body: "" }).where("status", "=", "sent").execute();
  // Sign-in mails still waiting get the end date they would have had (timestamps are computed
  // here, not in SQL, so this stays portable).
  const waiting = await db
    .selectFrom("outbox")
    .select(["id", "created_at"])
    .where("template", "=", "sign-in")
    .where("status", "in", ["pending", "failed"])
    .execute();
  for (const row of waiting as { id: string; created_at: string }[]) {
    const expiresAt = new Date(Date.parse(row.created_at) + SIGN_IN_LIFETIME_MS).toISOString();
    await db.updateTable("outbox").set({ expires_at: expiresAt, status: "pending" }).where("id", "=", row.id).execute();
  }
  await db.schema.createIndex("outbox_created").on("outbox").columns(["status", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("outbox_created").execute();
  await db.schema.alterTable("outbox").dropColumn("last_attempt_at").execute();
  await db.schema.alterTable("outbox").dropColumn("expires_at").execute();
}
