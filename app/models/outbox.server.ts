// Mail is a consequence of a state change: it is written here in the same transaction,
// and the sender (services/mail.server.ts) delivers it afterwards, retrying when SMTP is down.
import type { DB } from "~/services/db.server";
import type { RenderedMail } from "../../emails/layout";
import { newId } from "~/services/tokens.server";

export type OutboxRow = {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
};

export async function enqueueMail(
  trx: DB,
  mail: { to: string; template: string; rendered: RenderedMail; at: string },
): Promise<string> {
  const id = newId();
  await trx
    .insertInto("outbox")
    .values({
      id,
      to_address: mail.to,
      template: mail.template,
      subject: mail.rendered.subject,
      text_body: mail.rendered.text,
      html_body: mail.rendered.html,
      status: "pending",
      attempts: 0,
      next_attempt_at: mail.at,
      last_error: null,
      created_at: mail.at,
      sent_at: null,
    })
    .execute();
  return id;
}

export async function dueMails(db: DB, at: string, limit = 20): Promise<OutboxRow[]> {
  return db
    .selectFrom("outbox")
    .select(["id", "to_address", "subject", "text_body", "html_body", "attempts"])
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", at)
    .orderBy("created_at", "asc")
    .limit(limit)
    .execute();
}

export async function markSent(db: DB, id: string, at: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({ status: "sent", sent_at: at, attempts: eb("attempts", "+", 1), last_error: null }))
    .where("id", "=", id)
    .execute();
}

/** Back-off doubles from 30 s up to one hour; after 20 attempts the mail is marked failed for a person to look at. */
export async function markFailed(db: DB, row: OutboxRow, at: Date, error: string): Promise<void> {
  const attempts = row.attempts + 1;
  const delayMs = Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);
  await db
    .updateTable("outbox")
    .set({
      attempts,
      last_error: error.slice(0, 500),
      status: attempts >= 20 ? "failed" : "pending",
      next_attempt_at: new Date(at.getTime() + delayMs).toISOString(),
    })
    .where("id", "=", row.id)
    .execute();
}
