// The one way to apply a lifecycle step. Under the write lock, in one transaction: load the
// application as the domain's facts, build the context, ask domain/lifecycle.decide, and on "yes"
// store the new status and changes, write the audit entry the decision returns and enqueue the
// mails it names (one recipient rule, one template registry). On "no" nothing is written and the
// refusal comes back as a value; so too when the step's money cannot be booked (MoneyRefusal). Routes call applyLifecycleAction; a model that already holds the
// lock (submission) calls applyLifecycleStep with its transaction.
import type { DB, Tx } from "~/services/db.server";
import {
  decide,
  FINAL_STATUSES,
  type ApplicationFacts,
  type ApplicationStatus,
  type Effect,
  type LifecycleAction,
  type LifecycleActionType,
  type LifecycleRefusal,
} from "~/domain/lifecycle";
import { refuse, type Refusal } from "~/domain/result";
import { translator } from "~/i18n/translate";
import { lifecycleMail, type StepMailData } from "../../emails/registry";
import { actorOf, type User } from "./users.server";
import { auditActorOf, LIFECYCLE_AUDIT_ACTIONS, writeAudit } from "./audit.server";
import { enqueueMail } from "./outbox.server";
import { recipientsOf } from "./recipients.server";
import { buildLifecycleContext, type FundSettings } from "./lifecycle-context.server";
import { withWriteLock } from "./lock.server";
import { recordLedgerEffects, type LedgerEffect, type LedgerEffectsHandler, type MoneyRefusal } from "./ledger-effects.server";
import { isDecisionAction, recordDecision, residentDecision, type DecisionDetails } from "./decisions.server";

export type StepInput = {
  settings: FundSettings;
  /** Only at submission: the status link for the confirmation mail (its token is stored hashed). */
  statusUrl?: string;
  /** A decision's words besides the amount and reason: conditions, help besides money, alternatives. */
  details?: DecisionDetails;
  /** Facts of the step for its audit row besides the status (the submission's answers to the optional questions). */
  audit?: Record<string, unknown>;
  /** The ledger seam (decision 130); tests pass their own to see it runs inside the step's transaction. */
  ledger?: LedgerEffectsHandler;
  /**
   * Writes that belong to this step and nothing else (a question's or answer's message, the
   * applicant's changes with the answer): run in the step's transaction once the domain said yes.
   */
  alongside?: (trx: Tx, step: StepDone) => Promise<void>;
};

/** What a step's `alongside` writes may need to know. */
export type StepDone = { applicationId: string; reference: string; at: string; actor: User | null; from: ApplicationStatus; to: ApplicationStatus };

export type StepResult =
  | { ok: true; reference: string; from: ApplicationStatus; status: ApplicationStatus; action: LifecycleActionType }
  | LifecycleRefusal
  | MoneyRefusal
  | Refusal<"not_found">;

export function applyLifecycleAction(
  db: DB,
  applicationId: string,
  action: LifecycleAction,
  actor: User | null,
  input: StepInput,
  now: Date,
): Promise<StepResult> {
  return withWriteLock(db, { applications: [applicationId] }, (trx) => applyLifecycleStep(trx, applicationId, action, actor, input, now));
}

/** A bureau page knows the reference from its URL; the step needs the id (which never goes into a page). */
export async function applicationIdOf(db: DB, reference: string): Promise<string | null> {
  const row = await db.selectFrom("applications").select("id").where("reference", "=", reference).executeTakeFirst();
  return row?.id ?? null;
}

async function loadApplication(trx: Tx, applicationId: string) {
  return trx
    .selectFrom("applications as a")
    .innerJoin("areas as ar", "ar.id", "a.area_id")
    .leftJoin("users as s", "s.id", "a.submitted_by_user_id")
    .select([
      "a.id",
      "a.reference",
      "a.status",
      "a.title",
      "a.locale",
      "a.applicant_name as applicantName",
      "a.applicant_email as applicantEmail",
      "a.applicant_user_id as applicantUserId",
      "a.submitted_by_user_id as submittedByUserId",
      "s.email as submitterEmail",
      "a.requested_cents as requestedCents",
      "a.granted_cents as grantedCents",
      "a.first_approver_user_id as firstApproverUserId",
      "a.activity_date as activityDate",
      "ar.in_focus as areaInFocus",
      "ar.name as areaName",
    ])
    .where("a.id", "=", applicationId)
    .executeTakeFirst();
}

/** As applyLifecycleAction, inside a transaction that already holds the write lock. */
export async function applyLifecycleStep(
  trx: Tx,
  applicationId: string,
  action: LifecycleAction,
  actor: User | null,
  input: StepInput,
  now: Date,
): Promise<StepResult> {
  const row = await loadApplication(trx, applicationId);
  if (!row) return refuse("not_found");
  const facts: ApplicationFacts = {
    status: row.status,
    requestedCents: row.requestedCents,
    grantedCents: row.grantedCents,
    applicantUserId: row.applicantUserId,
    submittedByUserId: row.submittedByUserId,
    areaEligible: row.areaInFocus === 1,
    activityDate: row.activityDate,
    firstApproverUserId: row.firstApproverUserId,
  };
  const context = await buildLifecycleContext(trx, applicationId, input.settings, now);
  const decision = decide(facts, action, actorOf(actor), context);
  if (!decision.ok) return decision;

  const at = now.toISOString();
  // Money first (the seam, decisions 130 and 142), before anything of the step is written: when
  // the pots cannot pay, the refusal comes back as a value and the step writes nothing at all.
  const ledger = decision.effects.filter((e): e is LedgerEffect => e.type === "ledger");
  if (ledger.length > 0) {
    const step = {
      applicationId,
      reference: row.reference,
      at,
      actorUserId: actor?.id ?? null,
      actorLabel: auditActorOf(actor).label,
      splitRule: input.settings.fundSplitRule,
    };
    const refused = await (input.ledger ?? recordLedgerEffects)(trx, ledger, step);
    if (refused) return refused;
  }
  const { changes } = decision;
  const updated = await trx
    .updateTable("applications")
    .set({
      status: decision.status,
      updated_at: at,
      ...(FINAL_STATUSES.includes(decision.status) ? { closed_at: at } : {}),
      ...("grantedCents" in changes ? { granted_cents: changes.grantedCents } : {}),
      ...("firstApproverUserId" in changes ? { first_approver_user_id: changes.firstApproverUserId } : {}),
      ...("assignedUserId" in changes ? { assigned_user_id: changes.assignedUserId } : {}),
      // Every submit (the first, and each answer to a question) restarts the answer clock (decision 010).
      ...(action.type === "submit" ? { answer_clock_started_at: at } : {}),
    })
    .where("id", "=", applicationId)
    .where("status", "=", facts.status) // under the lock always true; a second guard for row locks later
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new Error(`Application ${row.reference} changed during a locked step`);

  if (input.alongside) await input.alongside(trx, { applicationId, reference: row.reference, at, actor, from: facts.status, to: decision.status });
  const audit = decision.effects.find((e) => e.type === "audit");
  if (audit && isDecisionAction(action.type)) {
    await recordDecision(trx, {
      applicationId,
      action: action.type,
      actorUserId: actor?.id ?? null,
      at,
      grantedCents: "grantedCents" in changes ? (changes.grantedCents ?? null) : action.type === "confirm" ? facts.grantedCents : null,
      reason: audit.reason,
      override: audit.override,
      details: input.details ?? {},
    });
  }
  const mailData = {
    decision: await residentDecision(trx, applicationId, decision.status),
    status: decision.status,
    locale: row.locale,
    question: action.type === "ask_question" ? action.question.trim() : null,
  };
  // The audit row keeps what was decided besides the status too (conditions, help, alternatives).
  const audited = { ...changes, ...(isDecisionAction(action.type) ? writtenDetails(input.details) : {}), ...input.audit };
  for (const effect of decision.effects) await apply(trx, effect, { row, actor, input, at, changes: audited, mailData });
  return { ok: true, reference: row.reference, from: facts.status, status: decision.status, action: action.type };
}

type Applied = {
  row: NonNullable<Awaited<ReturnType<typeof loadApplication>>>;
  actor: User | null;
  input: StepInput;
  at: string;
  changes: Record<string, unknown>;
  mailData: Pick<StepMailData, "decision" | "status" | "locale" | "question">;
};

async function apply(trx: Tx, effect: Effect, { row, actor, input, at, changes, mailData }: Applied): Promise<void> {
  switch (effect.type) {
    case "audit":
      await writeAudit(trx, {
        at,
        actor: auditActorOf(actor),
        action: LIFECYCLE_AUDIT_ACTIONS[effect.action],
        entityType: "application",
        entityId: row.id,
        before: { status: effect.from },
        after: {
          status: effect.to,
          reference: row.reference,
          ...(effect.reason !== null ? { reason: effect.reason } : {}),
          ...(effect.override !== null ? { override: effect.override } : {}),
          ...changes,
        },
      });
      return;
    case "ledger":
      return; // handed to the ledger seam above, all of a step's effects at once
    case "mail": {
      const entry = lifecycleMail(effect.template);
      const addresses = recipientsOf(effect.to, {
        applicantEmail: row.applicantEmail,
        submitterEmail: row.submitterEmail,
        bureauEmail: input.settings.bureauEmail,
      });
      if (addresses.length === 0) return;
      // The bureau reads Dutch; the applicant the language they applied in.
      const t = translator(effect.to === "bureau" ? "nl" : row.locale);
      const rendered = entry.render(t, {
        reference: row.reference,
        title: row.title,
        applicantName: row.applicantName,
        areaName: row.areaName,
        statusUrl: input.statusUrl ?? null,
        bureauUrl: `${input.settings.publicUrl}/beheer/aanvragen/${row.reference}`,
        myApplicationUrl: `${input.settings.publicUrl}/mijn-aanvragen/${row.reference}`,
        ...mailData,
      });
      for (const to of addresses) await enqueueMail(trx, { to, template: entry.outbox, rendered, at });
      return;
    }
  }
}

/** The details that were filled in, for the audit row. */
function writtenDetails(details: DecisionDetails | undefined): Record<string, unknown> {
  if (!details) return {};
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)));
}
