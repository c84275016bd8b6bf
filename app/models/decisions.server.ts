// What a decision step says besides the status: an approval's conditions and the help offered
// besides money, a decline's reason for the resident and what they could do instead, a
// cancellation's reason, a send-back's note, an override's reason. One row per step, written in
// the step's own transaction (lifecycle.server.ts); read for the resident's page, the status link,
// the bureau's page and the decision mails.
import crypto from "node:crypto";
import type { DB, Tx } from "~/services/db.server";
import type { LifecycleActionType, Override } from "~/domain/lifecycle";
import type { HelpKind } from "~/domain/review";
import { parseJson, toJson } from "../../db/json";

/** The steps that carry a decision's words. */
export const DECISION_ACTIONS = ["approve", "confirm", "send_back", "decline", "cancel"] as const satisfies readonly LifecycleActionType[];
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export function isDecisionAction(action: LifecycleActionType): action is DecisionAction {
  return (DECISION_ACTIONS as readonly string[]).includes(action);
}

/** What the bureau writes with a decision, besides the amount and the domain's reason. */
export type DecisionDetails = { conditions?: string | null; help?: HelpKind[]; alternatives?: string | null };

export async function recordDecision(
  trx: Tx,
  row: {
    applicationId: string;
    action: DecisionAction;
    actorUserId: string | null;
    at: string;
    grantedCents: number | null;
    reason: string | null;
    override: Override | null;
    details: DecisionDetails;
  },
): Promise<void> {
  const approve = row.action === "approve";
  await trx
    .insertInto("application_decisions")
    .values({
      id: crypto.randomUUID(),
      application_id: row.applicationId,
      action: row.action,
      actor_user_id: row.actorUserId,
      at: row.at,
      granted_cents: row.grantedCents,
      conditions: approve ? (row.details.conditions ?? null) : null,
      help_json: approve && row.details.help?.length ? toJson(row.details.help) : null,
      reason: row.reason,
      alternatives: row.action === "decline" ? (row.details.alternatives ?? null) : null,
      override_json: row.override ? toJson(row.override) : null,
    })
    .execute();
}

/** The decision as the resident reads it: what was granted and offered, or why not. */
export type ResidentDecision =
  | { kind: "approved"; grantedCents: number; conditions: string | null; help: HelpKind[] }
  | { kind: "declined"; reason: string; alternatives: string | null }
  | { kind: "cancelled"; reason: string };

async function latest(db: DB | Tx, applicationId: string, action: DecisionAction) {
  return db
    .selectFrom("application_decisions")
    .select(["granted_cents", "conditions", "help_json", "reason", "alternatives"])
    .where("application_id", "=", applicationId)
    .where("action", "=", action)
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/**
 * What the resident is told for the status the application is in: after an approval its latest
 * approval (a confirmation adds nothing the resident reads), after a decline or cancellation its reason.
 * While a second reviewer still has to look, the approval is the bureau's to see only: the
 * resident's pages show nothing for awaiting_second_review (application-views.server.ts).
 */
export async function residentDecision(db: DB | Tx, applicationId: string, status: string): Promise<ResidentDecision | null> {
  if (["approved", "paid", "report_due", "reported", "closed", "awaiting_second_review"].includes(status)) {
    const approval = await latest(db, applicationId, "approve");
    if (!approval || approval.granted_cents === null) return null;
    return {
      kind: "approved",
      grantedCents: approval.granted_cents,
      conditions: approval.conditions,
      help: approval.help_json ? parseJson(approval.help_json) : [],
    };
  }
  if (status === "declined" || status === "cancelled") {
    const found = await latest(db, applicationId, status === "declined" ? "decline" : "cancel");
    if (!found || found.reason === null) return null;
    return status === "declined" ? { kind: "declined", reason: found.reason, alternatives: found.alternatives } : { kind: "cancelled", reason: found.reason };
  }
  return null;
}
