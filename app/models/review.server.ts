// The bureau's work on an application that does not move its status: declaring a conflict of
// interest, (re)assigning it, and the review per protective factor with the bureau's own note.
// Each write takes the write lock, asks domain/review, and writes its audit row in the same
// transaction; a "no" writes nothing and comes back as a value. Status steps go through
// lifecycle.server.ts, never here.
import type { DB, Tx } from "~/services/db.server";
import {
  checkJudgements,
  mayAssign,
  mayDeclareConflict,
  mayReview,
  type ConflictKind,
  type FactorJudgement,
  type JudgementsRefusal,
  type WorkFacts,
  type WorkRefusal,
} from "~/domain/review";
import { refuse, type Refusal } from "~/domain/result";
import { actorOf, findUserIdByEmail, getUserById, type User } from "./users.server";
import { auditActorOf, writeAudit } from "./audit.server";
import { withWriteLock } from "./lock.server";

export type WorkResult = { ok: true; reference: string } | WorkRefusal | JudgementsRefusal | Refusal<"not_found" | "unknown_factor">;

async function workFacts(db: DB | Tx, applicationId: string) {
  const row = await db
    .selectFrom("applications")
    .select(["id", "reference", "status", "applicant_user_id", "submitted_by_user_id", "assigned_user_id"])
    .where("id", "=", applicationId)
    .executeTakeFirst();
  if (!row) return null;
  const conflicts = await db.selectFrom("conflicts_of_interest").select("user_id").where("application_id", "=", applicationId).execute();
  const facts: WorkFacts = { status: row.status, applicantUserId: row.applicant_user_id, submittedByUserId: row.submitted_by_user_id };
  return { row, facts, conflicts: conflicts.map((c) => c.user_id) };
}

/** The declared conflict of this user on the application with this reference, if any (checked before any personal data is read). */
export async function conflictOfUser(db: DB, reference: string, userId: string): Promise<{ kind: ConflictKind | null } | null> {
  const row = await db
    .selectFrom("conflicts_of_interest as c")
    .innerJoin("applications as a", "a.id", "c.application_id")
    .select("c.kind")
    .where("a.reference", "=", reference)
    .where("c.user_id", "=", userId)
    .executeTakeFirst();
  return row ? { kind: row.kind } : null;
}

/** The reviewer says they are involved; from then on they cannot open, review or decide it. Their assignment ends. */
export async function declareConflict(
  db: DB,
  applicationId: string,
  actor: User,
  input: { kind: ConflictKind; note: string | null },
  now: Date,
): Promise<WorkResult> {
  return withWriteLock(db, { applications: [applicationId] }, async (trx) => {
    const found = await workFacts(trx, applicationId);
    if (!found) return refuse("not_found");
    const refused = mayDeclareConflict(found.facts, actorOf(actor), found.conflicts);
    if (refused) return refused;
    const at = now.toISOString();
    await trx
      .insertInto("conflicts_of_interest")
      .values({ application_id: applicationId, user_id: actor.id, declared_at: at, reason: input.note, kind: input.kind })
      .execute();
    const unassigned = found.row.assigned_user_id === actor.id;
    if (unassigned) await trx.updateTable("applications").set({ assigned_user_id: null, updated_at: at }).where("id", "=", applicationId).execute();
    await writeAudit(trx, {
      at,
      actor: auditActorOf(actor),
      action: "application.conflict_declared",
      entityType: "application",
      entityId: applicationId,
      after: { reference: found.row.reference, kind: input.kind, ...(input.note ? { note: input.note } : {}), ...(unassigned ? { unassigned: true } : {}) },
    });
    return { ok: true, reference: found.row.reference };
  });
}

/** A fund administrator gives the application to a reviewer (or another one). */
export async function assignApplication(db: DB, applicationId: string, actor: User, assigneeEmail: string, now: Date): Promise<WorkResult> {
  return withWriteLock(db, { applications: [applicationId] }, async (trx) => {
    const found = await workFacts(trx, applicationId);
    if (!found) return refuse("not_found");
    const assigneeId = await findUserIdByEmail(trx, assigneeEmail);
    const assignee = assigneeId ? await getUserById(trx, assigneeId) : null;
    if (!assignee) return refuse("assignee_not_reviewer");
    const refused = mayAssign(found.facts, actorOf(actor), { userId: assignee.id, roles: assignee.roles }, found.conflicts);
    if (refused) return refused;
    const before = found.row.assigned_user_id ? await getUserById(trx, found.row.assigned_user_id) : null;
    const at = now.toISOString();
    await trx.updateTable("applications").set({ assigned_user_id: assignee.id, updated_at: at }).where("id", "=", applicationId).execute();
    await writeAudit(trx, {
      at,
      actor: auditActorOf(actor),
      action: "application.assigned",
      entityType: "application",
      entityId: applicationId,
      before: { assignedTo: before?.email ?? null },
      after: { reference: found.row.reference, assignedTo: assignee.email },
    });
    return { ok: true, reference: found.row.reference };
  });
}

export type ReviewInput = { judgements: FactorJudgement[]; note: string | null };

/** Stores the review: a judgement for every declared factor (and any the bureau adds), and the bureau's note. */
export async function saveReview(db: DB, applicationId: string, actor: User, input: ReviewInput, now: Date): Promise<WorkResult> {
  return withWriteLock(db, { applications: [applicationId] }, async (trx) => {
    const found = await workFacts(trx, applicationId);
    if (!found) return refuse("not_found");
    const refused = mayReview(found.facts, actorOf(actor), found.conflicts);
    if (refused) return refused;
    const declared = (await trx.selectFrom("application_factors").select("factor_id").where("application_id", "=", applicationId).execute()).map(
      (f) => f.factor_id,
    );
    const checked = checkJudgements(declared, input.judgements);
    if (!checked.ok) return checked;
    const ids = input.judgements.map((j) => j.factorId);
    const known = await trx.selectFrom("factors").select("id").where("id", "in", ids).where("active", "=", 1).execute();
    if (known.length !== new Set(ids).size) return refuse("unknown_factor");

    const before = await judgementsOf(trx, applicationId);
    const oldNote = await trx.selectFrom("review_notes").select("note").where("application_id", "=", applicationId).executeTakeFirst();
    const at = now.toISOString();
    // The review is the form's whole state: what it no longer holds (a factor the bureau added and removed) goes.
    await trx.deleteFrom("review_judgements").where("application_id", "=", applicationId).execute();
    await trx
      .insertInto("review_judgements")
      .values(
        input.judgements.map((j) => ({
          application_id: applicationId,
          factor_id: j.factorId,
          judgement: j.judgement,
          motivation: j.motivation,
          added_by_bureau: checked.added.includes(j.factorId) ? 1 : 0,
          reviewer_user_id: actor.id,
          updated_at: at,
        })),
      )
      .execute();
    if (input.note) {
      await trx
        .insertInto("review_notes")
        .values({ application_id: applicationId, note: input.note, updated_by_user_id: actor.id, updated_at: at })
        .onConflict((oc) => oc.column("application_id").doUpdateSet({ note: input.note!, updated_by_user_id: actor.id, updated_at: at }))
        .execute();
    } else {
      await trx.deleteFrom("review_notes").where("application_id", "=", applicationId).execute();
    }
    await writeAudit(trx, {
      at,
      actor: auditActorOf(actor),
      action: "application.reviewed",
      entityType: "application",
      entityId: applicationId,
      before: { judgements: before, note: oldNote?.note ?? null },
      after: {
        reference: found.row.reference,
        judgements: input.judgements.map((j) => ({ ...j, addedByBureau: checked.added.includes(j.factorId) })),
        note: input.note,
      },
    });
    return { ok: true, reference: found.row.reference };
  });
}

async function judgementsOf(db: DB | Tx, applicationId: string) {
  const rows = await db
    .selectFrom("review_judgements")
    .select(["factor_id", "judgement", "motivation", "added_by_bureau"])
    .where("application_id", "=", applicationId)
    .orderBy("factor_id")
    .execute();
  return rows.map((r) => ({ factorId: r.factor_id, judgement: r.judgement, motivation: r.motivation, addedByBureau: r.added_by_bureau === 1 }));
}
