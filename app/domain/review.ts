// The bureau's work on an application that does not move its status: declaring a conflict of
// interest, judging the protective factors, and a fund administrator (re)assigning it. The status
// changes themselves (take, approve, decline, …) are lifecycle.ts's.
// Source: issue 15 ("The review", conflicts of interest), domain.md §1 (the bureau decides, every
// judgement tied to the protective factors the resident declared).
import type { ApplicationStatus } from "./lifecycle";
import { can, type Actor, type Role } from "./permissions";
import { refuse, type Refusal } from "./result";

/** Why a bureau member may not judge an application: their own street, family, their own organisation. */
export const CONFLICT_KINDS = ["own_street", "family", "own_organisation"] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** How well the idea strengthens a protective factor (shown as sterk, voldoende, onvoldoende). */
export const JUDGEMENTS = ["strong", "sufficient", "insufficient"] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

/** Help the fund offers besides money ("(wijk)professionals en buurtvoorzieningen beschikbaar stellen"). */
export const HELP_KINDS = ["space", "professional", "permit", "insurance"] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

/** What these rules need to know of an application. */
export type WorkFacts = {
  status: ApplicationStatus;
  applicantUserId: string | null;
  submittedByUserId: string | null;
};

/** Statuses in which the factors are judged: after taking, before the decision. */
export const REVIEWABLE: readonly ApplicationStatus[] = ["in_review"];
/** Statuses in which work can be divided: from arrival until the decision. */
export const ASSIGNABLE: readonly ApplicationStatus[] = ["submitted", "in_review", "needs_info", "awaiting_second_review"];

export type WorkRefusal =
  | Refusal<"not_allowed_in_status", { status: ApplicationStatus }>
  | Refusal<"not_signed_in" | "role_not_allowed">
  | Refusal<"conflict_of_interest">
  | Refusal<"conflict_already_declared">
  | Refusal<"assignee_not_reviewer">
  | Refusal<"assignee_conflict">;
export type WorkRefusalReason = WorkRefusal["reason"];

/** The applicant, the supporter who sent it, and everyone who declared a conflict. */
function involved(facts: WorkFacts, conflicts: readonly string[]): (string | null)[] {
  // Callers compare only signed-in people (checked first), so an absent applicant or supporter (null) matches nobody.
  return [...conflicts, facts.applicantUserId, facts.submittedByUserId];
}

function permission(actor: Actor, action: "application.review" | "application.assign"): WorkRefusal | null {
  const allowed = can(actor, action);
  return allowed.allowed ? null : refuse(allowed.reason === "not_signed_in" ? "not_signed_in" : "role_not_allowed");
}

/**
 * Whether this bureau member may see the resident's personal data and work on the application.
 * A declared conflict closes the file to them; their own application is refused step by step.
 */
export function hasConflict(actor: Actor, conflicts: readonly string[]): boolean {
  return conflicts.some((id) => id === actor.userId);
}

/** A bureau member declares that they are involved: at any time after arrival, once. */
export function mayDeclareConflict(facts: WorkFacts, actor: Actor, conflicts: readonly string[]): WorkRefusal | null {
  const refused = permission(actor, "application.review");
  if (refused) return refused;
  if (facts.status === "draft") return refuse("not_allowed_in_status", { status: facts.status });
  if (hasConflict(actor, conflicts)) return refuse("conflict_already_declared");
  return null;
}

/** A reviewer judges the protective factors while the application is in review, unless involved. */
export function mayReview(facts: WorkFacts, actor: Actor, conflicts: readonly string[]): WorkRefusal | null {
  const refused = permission(actor, "application.review");
  if (refused) return refused;
  if (!REVIEWABLE.includes(facts.status)) return refuse("not_allowed_in_status", { status: facts.status });
  if (involved(facts, conflicts).includes(actor.userId)) return refuse("conflict_of_interest");
  return null;
}

/** A fund administrator gives the application to a reviewer who is not involved in it. */
export function mayAssign(
  facts: WorkFacts,
  actor: Actor,
  assignee: { userId: string; roles: readonly Role[] },
  conflicts: readonly string[],
): WorkRefusal | null {
  const refused = permission(actor, "application.assign");
  if (refused) return refused;
  if (!ASSIGNABLE.includes(facts.status)) return refuse("not_allowed_in_status", { status: facts.status });
  if (!can(assignee, "application.review").allowed) return refuse("assignee_not_reviewer");
  if (involved(facts, conflicts).includes(assignee.userId)) return refuse("assignee_conflict");
  return null;
}

/** One judged factor: declared by the resident, or added by the bureau. */
export type FactorJudgement = { factorId: string; judgement: Judgement; motivation: string };

export type JudgementsRefusal = Refusal<"factor_not_judged", { factorId: string }> | Refusal<"factor_judged_twice", { factorId: string }>;

/**
 * A review judges every factor the resident declared, each factor once; any other factor is one
 * the bureau adds. Returns which judged factors are added by the bureau.
 */
export function checkJudgements(declared: readonly string[], judged: readonly FactorJudgement[]): { ok: true; added: string[] } | JudgementsRefusal {
  const ids = judged.map((j) => j.factorId);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) return refuse("factor_judged_twice", { factorId: twice });
  const missing = declared.find((id) => !ids.includes(id));
  if (missing !== undefined) return refuse("factor_not_judged", { factorId: missing });
  return { ok: true, added: ids.filter((id) => !declared.includes(id)) };
}
