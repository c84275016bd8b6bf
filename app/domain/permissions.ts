// Who may do what: ONE table of role × action → scope, and nothing else decides it.
// Source: architecture.md ("permissions.ts: one table: role × action × own/any"); domain.md §1
// (the programmabureau manages the fund and helps applicants; IOR/gebiedsnetwerk professionals
// help residents apply = "supporter"), §4 (alliance partners co-fund = "partner"), §7b.4.
//
// Rules in plain words:
// - What an anonymous visitor may do, everyone may do (anyone may submit an idea).
// - A person may hold several roles; an action is allowed when any of them allows it.
// - Scope "own": the signed-in user is one of the resource's owners (the applicant, or the
//   supporter who submitted it on their behalf). "own_organisation": the actor's organisation is
//   the resource's. "any": no condition.
// - Without a resource, `can` answers "may this actor do this kind of thing at all" (e.g. the
//   "Mijn aanvragen" list, which the model then filters to the actor's own rows).
export const ROLES = ["anonymous", "resident", "supporter", "reviewer", "fund_admin", "partner"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "application.submit",
  "application.view_own",
  "application.edit_own",
  "application.submit_on_behalf",
  "application.view_any",
  "application.take",
  "application.review",
  "application.ask_question",
  "application.decide",
  "application.confirm_four_eyes",
  "application.assign",
  "pots.manage",
  "budget.view",
  "payment.record",
  "report.accept",
  "partner_dashboard.view",
  "export",
  "personal_data.erase",
  "users.manage",
  "reference_data.manage",
  "outbox.manage",
  "bureau.access",
] as const;
export type Action = (typeof ACTIONS)[number];

export type Scope = "own" | "own_organisation" | "any";

/** Anonymous = userId null and no roles. */
export type Actor = { userId: string | null; roles: readonly Role[]; organisationId?: string | null };

export type Resource = { ownerUserIds?: readonly (string | null)[]; organisationId?: string | null };

export type PermissionRefusalReason = "not_signed_in" | "role_not_allowed" | "not_own" | "not_own_organisation";
export type PermissionResult = { allowed: true } | { allowed: false; reason: PermissionRefusalReason };

const REVIEWER: Partial<Record<Action, Scope>> = {
  "application.view_any": "any",
  "application.take": "any",
  "application.review": "any",
  "application.ask_question": "any",
  "application.decide": "any",
  "application.confirm_four_eyes": "any",
  "report.accept": "any",
  "budget.view": "any", // the budget dashboard and pot pages: reading only; changing is pots.manage
  "bureau.access": "any",
};

/** "application.submit" sits with anonymous only: every signed-in role inherits anonymous. */
export const PERMISSIONS: Readonly<Record<Role, Partial<Record<Action, Scope>>>> = {
  anonymous: { "application.submit": "any" },
  resident: {
    "application.view_own": "own",
    "application.edit_own": "own",
  },
  supporter: {
    "application.submit_on_behalf": "any",
    "application.view_own": "own",
    "application.edit_own": "own",
  },
  reviewer: REVIEWER,
  fund_admin: {
    ...REVIEWER,
    "application.assign": "any", // divides the work: assigns or reassigns an application to a reviewer
    "pots.manage": "any",
    "payment.record": "any",
    export: "any",
    "personal_data.erase": "any",
    "users.manage": "any",
    "reference_data.manage": "any",
    "outbox.manage": "any", // mail that could not be delivered: see it, send it again
    "partner_dashboard.view": "any", // to see what each partner sees
  },
  partner: { "partner_dashboard.view": "own_organisation" },
};

const ALLOWED: PermissionResult = { allowed: true };

export function can(actor: Actor, action: Action, resource?: Resource): PermissionResult {
  const roles: readonly Role[] = actor.userId === null ? ["anonymous"] : [...actor.roles, "anonymous"];
  const scopes = roles.map((role) => PERMISSIONS[role][action]).filter((scope) => scope !== undefined);
  if (scopes.length === 0) {
    return { allowed: false, reason: actor.userId === null ? "not_signed_in" : "role_not_allowed" };
  }
  if (resource === undefined || scopes.includes("any")) return ALLOWED;
  // userId is not null here: an anonymous actor only ever gets scope "any".
  const owns = scopes.includes("own") && (resource.ownerUserIds?.includes(actor.userId) ?? false);
  const organisation = actor.organisationId ?? null;
  const sameOrganisation = scopes.includes("own_organisation") && organisation !== null && organisation === resource.organisationId;
  if (owns || sameOrganisation) return ALLOWED;
  return { allowed: false, reason: scopes.includes("own") ? "not_own" : "not_own_organisation" };
}
