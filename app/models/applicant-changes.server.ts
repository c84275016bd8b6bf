// The applicant changes their application while the bureau waits for their answer (needs_info):
// title, description, amount, protective factors, cost lines and activity date. Only what really
// changed is written, with before and after in one audit row, inside the answer's transaction.
import type { DB, Tx } from "~/services/db.server";
import { auditActorOf, writeAudit } from "./audit.server";
import type { User } from "./users.server";

/** What the applicant may change with an answer (the answer form's schema gives it). */
export type ApplicantChanges = {
  title: string;
  description: string;
  requestedCents: number;
  factorIds: string[];
  costLines: { description: string; cents: number }[];
  activityDate: string;
};

/** The changeable fields as they are now. */
export async function currentApplicantFields(trx: DB | Tx, applicationId: string): Promise<ApplicantChanges> {
  const row = await trx
    .selectFrom("applications")
    .select(["title", "description", "requested_cents as requestedCents", "activity_date as activityDate"])
    .where("id", "=", applicationId)
    .executeTakeFirstOrThrow();
  const factors = await trx.selectFrom("application_factors").select("factor_id").where("application_id", "=", applicationId).execute();
  const costLines = await trx
    .selectFrom("application_cost_lines")
    .select(["description", "cents"])
    .where("application_id", "=", applicationId)
    .orderBy("position")
    .execute();
  return {
    title: row.title,
    description: row.description,
    requestedCents: row.requestedCents,
    activityDate: row.activityDate,
    factorIds: factors.map((f) => f.factor_id).sort(),
    costLines: costLines.map((l) => ({ description: l.description, cents: l.cents })),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Writes the changed fields and one audit row with their before and after; nothing when nothing changed. */
export async function recordApplicantChanges(
  trx: Tx,
  step: { applicationId: string; reference: string; at: string; actor: User | null },
  wanted: ApplicantChanges,
): Promise<(keyof ApplicantChanges)[]> {
  const before = await currentApplicantFields(trx, step.applicationId);
  const after: ApplicantChanges = { ...wanted, factorIds: [...new Set(wanted.factorIds)].sort() };
  const changed = (Object.keys(after) as (keyof ApplicantChanges)[]).filter((key) => !same(before[key], after[key]));
  if (changed.length === 0) return [];
  const id = step.applicationId;
  await trx
    .updateTable("applications")
    .set({ title: after.title, description: after.description, requested_cents: after.requestedCents, activity_date: after.activityDate, updated_at: step.at })
    .where("id", "=", id)
    .execute();
  if (changed.includes("factorIds")) {
    await trx.deleteFrom("application_factors").where("application_id", "=", id).execute();
    await trx
      .insertInto("application_factors")
      .values(after.factorIds.map((factor_id) => ({ application_id: id, factor_id })))
      .execute();
  }
  if (changed.includes("costLines")) {
    await trx.deleteFrom("application_cost_lines").where("application_id", "=", id).execute();
    if (after.costLines.length > 0)
      await trx
        .insertInto("application_cost_lines")
        .values(after.costLines.map((l, position) => ({ application_id: id, position, description: l.description, cents: l.cents })))
        .execute();
  }
  await writeAudit(trx, {
    at: step.at,
    actor: auditActorOf(step.actor),
    action: "application.changed_by_applicant",
    entityType: "application",
    entityId: id,
    before: Object.fromEntries(changed.map((key) => [key, before[key]])),
    after: { reference: step.reference, ...Object.fromEntries(changed.map((key) => [key, after[key]])) },
  });
  return changed;
}

/** One changed field as the bureau's history shows it; short values come with before and after. */
export type ApplicantChange = { field: keyof ApplicantChanges; before?: string | number; after?: string | number };

const SHOWN_WITH_VALUES: readonly (keyof ApplicantChanges)[] = ["title", "requestedCents", "activityDate"];
const FIELDS: readonly (keyof ApplicantChanges)[] = ["title", "description", "requestedCents", "factorIds", "costLines", "activityDate"];

/** The changes of an "application.changed_by_applicant" audit row, for the history. */
export function applicantChangesOf(
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { changed?: ApplicantChange[] } {
  if (action !== "application.changed_by_applicant" || !before || !after) return {};
  const value = (v: unknown) => (typeof v === "string" || typeof v === "number" ? v : undefined);
  return {
    changed: FIELDS.filter((field) => field in after).map((field) =>
      SHOWN_WITH_VALUES.includes(field) ? { field, before: value(before[field]), after: value(after[field]) } : { field },
    ),
  };
}
