// The append-only audit log: every state change and money movement, with who and when.
// Always called with the transaction of the change itself, so the two cannot drift apart.
import type { DB } from "~/services/db.server";

export type AuditActor = { userId: string | null; label: string };

export async function writeAudit(
  trx: DB,
  entry: {
    at: string;
    actor: AuditActor;
    action: string;
    entityType: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
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
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
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
