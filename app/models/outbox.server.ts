// Mail is a consequence of a state change: it is written here in the same transaction,
// and the sender (services/mail.server.ts) delivers it afterwards, retrying when SMTP is down.
// A mail's subject and body (sign-in codes, sign-in and status links) are kept only until it is
// delivered or dropped; delivered rows themselves go after the retention period.
import { engineOf, type DB, type Tx } from "~/services/db.server";
import { withWriteLock } from "./lock.server";
import type { RenderedMail } from "../../emails/layout";
import type { OutboxTemplate } from "../../emails/registry";
import { newId } from "~/services/tokens.server";
import { afterFailedAttempt, maskAddress, type FailureOutcome } from "~/domain/mail-delivery";
import { writeAudit, type AuditActor } from "./audit.server";

export type OutboxRow = {
  id: string;
  to_address: string;
  template: OutboxTemplate;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
  expires_at: string | null;
};

/** What is left of a mail once nobody needs its content any more. */
const CLEARED = { subject: "", text_body: "", html_body: "" } as const;

/** Inside the transaction of the change the mail tells about (a `Tx`), so one never goes without the other. */
export async function enqueueMail(
  trx: Tx,
  mail: { to: string; template: OutboxTemplate; rendered: RenderedMail; at: string; expiresAt?: string },
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
      expires_at: mail.expiresAt ?? null,
      last_attempt_at: null,
    })
    .execute();
  return id;
}

const ROW = ["id", "to_address", "template", "subject", "text_body", "html_body", "attempts", "expires_at"] as const;

/**
 * How long a claimed mail is left to the process that claimed it. A process that stops while
 * sending leaves the mail to be sent again after this (at least once, decision 030).
 */
export const CLAIM_LEASE_MS = 5 * 60 * 1000;

/**
 * Takes due mails for this process to send: each one is claimed by moving its next try past the
 * lease, in one short transaction, so another app process on the same database skips it. On
 * PostgreSQL the rows are read FOR UPDATE SKIP LOCKED, so two workers never wait on or take the
 * same row; SQLite's write lock (withWriteLock) orders the claims of its one process.
 */
export async function claimDueMails(db: DB, now: Date, limit = 20): Promise<OutboxRow[]> {
  const at = now.toISOString();
  return withWriteLock(db, {}, async (trx) => {
    const due = trx
      .selectFrom("outbox")
      .select(ROW)
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", at)
      .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", at)]))
      .orderBy("created_at", "asc")
      .orderBy("id", "asc")
      .limit(limit);
    const rows = await (engineOf(db) === "postgres" ? due.forUpdate().skipLocked() : due).execute();
    if (rows.length > 0) {
      const leasedUntil = new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();
      await trx
        .updateTable("outbox")
        .set({ next_attempt_at: leasedUntil })
        .where(
          "id",
          "in",
          rows.map((r) => r.id),
        )
        .execute();
    }
    return rows;
  });
}

/** Drops waiting mails past their end date (a sign-in code nobody can use any more); returns them for the log. */
export async function expireOverdue(db: DB, at: string): Promise<Pick<OutboxRow, "id" | "to_address" | "template" | "attempts">[]> {
  // One statement, so a mail another app server is sending (or has just sent) is never marked expired too.
  return db
    .updateTable("outbox")
    .set({ ...CLEARED, status: "expired" })
    .where("status", "=", "pending")
    .where("expires_at", "<=", at)
    .returning(["id", "to_address", "template", "attempts"])
    .execute();
}

/** The SMTP server took the mail: its content is no longer needed, so it is cleared. */
export async function markSent(db: DB, id: string, at: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({ ...CLEARED, status: "sent", sent_at: at, last_attempt_at: at, attempts: eb("attempts", "+", 1), last_error: null }))
    .where("id", "=", id)
    .execute();
}

/** Records a failed try; the domain says whether it is retried, a dead letter, or dropped. */
export async function markFailed(db: DB, row: OutboxRow, at: Date, error: string): Promise<FailureOutcome> {
  const attempts = row.attempts + 1;
  const outcome = afterFailedAttempt({ attempts, at, expiresAt: row.expires_at ? new Date(row.expires_at) : null });
  await db
    .updateTable("outbox")
    .set({
      ...(outcome.status === "expired" ? CLEARED : {}),
      attempts,
      last_error: error.slice(0, 500),
      last_attempt_at: at.toISOString(),
      status: outcome.status,
      ...(outcome.status === "pending" ? { next_attempt_at: outcome.nextAttemptAt.toISOString() } : {}),
    })
    .where("id", "=", row.id)
    .execute();
  return outcome;
}

/** Deletes delivered and dropped mails created before `before`. Dead letters stay until sent again. */
export async function purgeFinished(db: DB, before: string): Promise<number> {
  const result = await db.deleteFrom("outbox").where("status", "in", ["sent", "expired"]).where("created_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function outboxCounts(db: DB): Promise<{ pending: number; deadLetters: number }> {
  const rows = await db
    .selectFrom("outbox")
    .select((eb) => ["status", eb.fn.countAll<number>().as("n")])
    .where("status", "in", ["pending", "failed"])
    .groupBy("status")
    .execute();
  const n = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { pending: n("pending"), deadLetters: n("failed") };
}

/** A dead letter as the fund administrator's page shows it: no body, the address masked. */
export type DeadLetter = {
  id: string;
  to: string;
  template: OutboxTemplate;
  subject: string;
  lastError: string | null;
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
};

export async function listDeadLetters(db: DB, limit = 100): Promise<{ rows: DeadLetter[]; total: number }> {
  const [rows, counts] = await Promise.all([
    db
      .selectFrom("outbox")
      .select(["id", "to_address", "template", "subject", "last_error", "attempts", "created_at", "last_attempt_at"])
      .where("status", "=", "failed")
      .orderBy("last_attempt_at", "desc")
      .orderBy("id")
      .limit(limit)
      .execute(),
    outboxCounts(db),
  ]);
  return {
    total: counts.deadLetters,
    rows: rows.map((r) => ({
      id: r.id,
      to: maskAddress(r.to_address),
      template: r.template,
      subject: r.subject,
      // SMTP errors often quote the recipient ("550 … <name@example.org>"): masked as well.
      lastError: r.last_error?.replace(/[^\s<>"',;:()]+@[^\s<>"',;:()]+/g, maskAddress) ?? null,
      attempts: r.attempts,
      createdAt: r.created_at,
      lastAttemptAt: r.last_attempt_at,
    })),
  };
}

/** Puts a dead letter back in the queue with a fresh set of tries; false when it is no dead letter (any more). */
export async function requeueDeadLetter(db: DB, input: { id: string; actor: AuditActor; at: string }): Promise<boolean> {
  // Reads before it writes: under the write lock, so two servers (or two clicks) requeue it once.
  return withWriteLock(db, {}, async (trx) => {
    const row = await trx.selectFrom("outbox").select(["attempts", "template"]).where("id", "=", input.id).where("status", "=", "failed").executeTakeFirst();
    if (!row) return false;
    const updated = await trx
      .updateTable("outbox")
      .set({ status: "pending", attempts: 0, next_attempt_at: input.at })
      .where("id", "=", input.id)
      .where("status", "=", "failed")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await writeAudit(trx, {
      at: input.at,
      actor: input.actor,
      action: "outbox.requeued",
      entityType: "outbox",
      entityId: input.id,
      before: { status: "failed", attempts: row.attempts, template: row.template },
      after: { status: "pending", attempts: 0 },
    });
    return true;
  });
}
