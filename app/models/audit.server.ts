// The append-only audit log: every state change and money movement, with who and when.
// Called with the transaction of the change itself (a `Tx`, so calling it outside one is a type
// error), so the two cannot drift apart.
import type { DB, Tx } from "~/services/db.server";
import type { LifecycleActionType } from "~/domain/lifecycle";
import type { EntryKind } from "~/domain/ledger";
import { toJson } from "../../db/json";

export type AuditActor = { userId: string | null; label: string };

/** The audit name of each lifecycle step: what happened, in the past tense. */
export const LIFECYCLE_AUDIT_ACTIONS = {
  submit: "application.submitted",
  take: "application.taken",
  ask_question: "application.question_asked",
  approve: "application.approved",
  decline: "application.declined",
  confirm: "application.confirmed",
  send_back: "application.sent_back",
  record_payment: "application.payment_recorded",
  request_report: "application.report_requested",
  submit_report: "application.report_submitted",
  accept_report: "application.report_accepted",
  withdraw: "application.withdrawn",
  cancel: "application.cancelled",
} as const satisfies Record<LifecycleActionType, `application.${string}`>;

/** Every action the audit log knows; the column is typed by it (db/schema.ts). */
export type AuditAction =
  | (typeof LIFECYCLE_AUDIT_ACTIONS)[LifecycleActionType]
  | "draft.saved"
  | "user.created"
  | "user.signed_in"
  | "sign_in.locked"
  | "session.signed_out"
  | "session.signed_out_everywhere"
  | "outbox.requeued"
  | "personal_data.viewed"
  | "application.conflict_declared"
  | "application.assigned"
  | "application.reviewed"
  | "application.changed_by_applicant"
  | "application.applicant_linked"
  | (typeof LEDGER_AUDIT_ACTIONS)[EntryKind]
  | "funder.created"
  | "pot.created"
  | "pot.end_extended"
  | "in_kind.registered";

/** The audit name of each kind of ledger entry (models/ledger.server.ts). */
export const LEDGER_AUDIT_ACTIONS = {
  allocation: "ledger.allocated",
  commitment: "ledger.committed",
  disbursement: "ledger.disbursed",
  release: "ledger.released",
} as const satisfies Record<EntryKind, `ledger.${string}`>;

/** What before_json and after_json hold: a small object of plain values. */
export type AuditDetails = Record<string, unknown>;

export function auditActorOf(user: { id: string; email: string } | null): AuditActor {
  return user ? { userId: user.id, label: user.email } : { userId: null, label: "anonymous" };
}

export async function writeAudit(
  trx: Tx,
  entry: {
    at: string;
    actor: AuditActor;
    action: AuditAction;
    entityType: string;
    entityId: string;
    before?: AuditDetails | null;
    after?: AuditDetails | null;
  },
): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      at: entry.at,
      actor_user_id: entry.actor.userId,
      actor_label: entry.actor.label,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before_json: entry.before == null ? null : toJson(entry.before),
      after_json: entry.after == null ? null : toJson(entry.after),
    })
    .execute();
}

export async function auditTrail(db: DB, entityType: string, entityId: string) {
  return db
    .selectFrom("audit_log")
    .select(["id", "at", "actor_label", "action", "before_json", "after_json"])
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", entityId)
    .orderBy("id", "asc")
    .execute();
}
