// The resident's history of their application: the steps that concern them, read from the audit
// log, for their own page and the status link alike (issue 15: "the same timeline"). What the page
// gets is a step name, a date and, for an approval, the amount; never who at the bureau did it,
// no reasons or notes, no reviews, conflicts, assignments, looks at personal data, and nothing of
// the four-eyes step between a first approval and its confirmation (decision 133).
import type { DB } from "~/services/db.server";
import type { AuditAction, AuditDetails } from "./audit.server";
import { parseJson, type JsonText } from "../../db/json";
import { hashToken } from "~/services/tokens.server";

export type ResidentStep =
  | "received"
  | "in_review"
  | "question"
  | "answered"
  | "approved"
  | "declined"
  | "paid"
  | "report_requested"
  | "report_received"
  | "closed"
  | "withdrawn"
  | "cancelled";

export type ResidentHistoryEntry = { at: string; step: ResidentStep; grantedCents?: number };

/** Audit actions with a step the resident reads; the rest (bureau work, four eyes) is left out. */
const STEPS: Partial<Record<AuditAction, ResidentStep>> = {
  "application.taken": "in_review",
  "application.question_asked": "question",
  "application.approved": "approved",
  "application.confirmed": "approved",
  "application.declined": "declined",
  "application.payment_recorded": "paid",
  "application.report_requested": "report_requested",
  "application.report_submitted": "report_received",
  "application.report_accepted": "closed",
  "application.withdrawn": "withdrawn",
  "application.cancelled": "cancelled",
};

type Row = { at: string; action: AuditAction; before_json: JsonText<AuditDetails> | null; after_json: JsonText<AuditDetails> | null };

const details = (json: JsonText<AuditDetails> | null): AuditDetails => (json ? parseJson(json) : {});

/** One audit row as the resident's step, or null when it is not theirs to read. */
export function residentStep(row: Row, grantedCents: number | null): ResidentHistoryEntry | null {
  const before = details(row.before_json);
  const after = details(row.after_json);
  if (row.action === "application.submitted") return { at: row.at, step: before.status === "needs_info" ? "answered" : "received" };
  const step = STEPS[row.action];
  if (!step) return null;
  if (step !== "approved") return { at: row.at, step };
  // An approval above the threshold waits for a second reviewer: the resident hears of it when confirmed.
  if (after.status !== "approved") return null;
  const cents = typeof after.grantedCents === "number" ? after.grantedCents : grantedCents;
  return cents === null ? { at: row.at, step } : { at: row.at, step, grantedCents: cents };
}

/** The steps of the application with this reference, oldest first. */
export function residentHistoryByReference(db: DB, reference: string): Promise<ResidentHistoryEntry[]> {
  return historyWhere(db, "a.reference", reference);
}

/** The same, for the status link (the token is stored hashed). */
export function residentHistoryByStatusToken(db: DB, token: string): Promise<ResidentHistoryEntry[]> {
  return historyWhere(db, "a.status_token_hash", hashToken(token));
}

async function historyWhere(db: DB, column: "a.reference" | "a.status_token_hash", value: string): Promise<ResidentHistoryEntry[]> {
  const rows = await db
    .selectFrom("applications as a")
    .innerJoin("audit_log as l", (join) => join.onRef("l.entity_id", "=", "a.id").on("l.entity_type", "=", "application"))
    .select(["l.at", "l.action", "l.before_json", "l.after_json", "a.granted_cents as grantedCents"])
    .where(column, "=", value)
    .where("l.action", "in", ["application.submitted", ...(Object.keys(STEPS) as AuditAction[])])
    .orderBy("l.id", "asc")
    .execute();
  return rows.map((row) => residentStep(row, row.grantedCents)).filter((e): e is ResidentHistoryEntry => e !== null);
}
