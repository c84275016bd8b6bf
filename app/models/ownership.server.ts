// Who the domain counts as the applicant. An application sent without an account carries only an
// address (applicant_user_id stays null, applications.server.ts); when that person later signs in
// (which proves the address) and acts on it, the domain's owner gate (domain/lifecycle.ts gate:
// applicantUserId / submittedByUserId) must see them. So the first time they act, the application
// is linked to their account, under the write lock, with its own audit row (decision 133).
// applyOwnerStep does both in one transaction: use it for a resident's step (withdrawing,
// answering a question).
import type { DB, Tx } from "~/services/db.server";
import { withWriteLock } from "./lock.server";
import { auditActorOf, writeAudit } from "./audit.server";
import { normaliseEmail, type User } from "./users.server";
import { applyLifecycleStep, type StepInput, type StepResult } from "./lifecycle.server";
import type { LifecycleAction } from "~/domain/lifecycle";

/** Whether a signed-in user's (proven) address is the one the application was sent with. */
export function isApplicantByAddress(applicantEmail: string | null, user: Pick<User, "email">): boolean {
  return applicantEmail !== null && applicantEmail === normaliseEmail(user.email);
}

/**
 * Links the application to this user when it has no applicant account yet and was sent with their
 * address; returns whether it did. Inside a transaction that holds the application's write lock.
 */
export async function linkApplicantByAddressIn(trx: Tx, applicationId: string, user: Pick<User, "id" | "email">, now: Date): Promise<boolean> {
  const row = await trx
    .selectFrom("applications")
    .select(["reference", "applicant_email", "applicant_user_id"])
    .where("id", "=", applicationId)
    .executeTakeFirst();
  if (!row || row.applicant_user_id !== null || !isApplicantByAddress(row.applicant_email, user)) return false;
  const updated = await trx
    .updateTable("applications")
    .set({ applicant_user_id: user.id })
    .where("id", "=", applicationId)
    .where("applicant_user_id", "is", null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await writeAudit(trx, {
    at: now.toISOString(),
    actor: auditActorOf(user),
    action: "application.applicant_linked",
    entityType: "application",
    entityId: applicationId,
    after: { reference: row.reference, by: "address" },
  });
  return true;
}

/** Carries a refusal out of the transaction, so the link made for the step is rolled back with it. */
class Refused extends Error {
  constructor(readonly result: Exclude<StepResult, { ok: true }>) {
    super(`refused: ${result.reason}`);
  }
}

/**
 * A step the applicant side takes (withdraw, answer a question), by a signed-in user: linked by
 * address first when needed, then applyLifecycleStep, in one transaction under the write lock.
 * A refusal comes back as a value and leaves nothing behind, not even the link.
 */
export async function applyOwnerStep(db: DB, applicationId: string, action: LifecycleAction, user: User, input: StepInput, now: Date): Promise<StepResult> {
  try {
    return await withWriteLock(db, { applications: [applicationId] }, async (trx) => {
      await linkApplicantByAddressIn(trx, applicationId, user, now);
      const result = await applyLifecycleStep(trx, applicationId, action, user, input, now);
      if (!result.ok) throw new Refused(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
