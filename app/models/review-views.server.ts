// The bureau's working view of one application (/beheer/aanvragen/<reference>): who handles it,
// the review per protective factor, the note, what may be done now, and the decision so far.
// Like every read model it carries only what the page shows: no user ids (reviewers are named and
// chosen by address), no row.
import type { DB } from "~/services/db.server";
import type { Locale } from "~/i18n/translate";
import { availableActions, overrideRules, type LifecycleActionType, type OverrideRule } from "~/domain/lifecycle";
import { can } from "~/domain/permissions";
import type { Judgement } from "~/domain/review";
import { actorOf, type User } from "./users.server";
import { buildLifecycleContext, type FundSettings } from "./lifecycle-context.server";
import { residentDecision, type ResidentDecision } from "./decisions.server";

export type FactorReview = { id: string; name: string; declared: boolean; judgement: Judgement | null; motivation: string | null; reviewerName: string | null };

export type BureauWork = {
  assignedName: string | null;
  /** Fund administrators choose a reviewer here (by address). */
  reviewers: { email: string; name: string }[] | null;
  factors: FactorReview[];
  otherFactors: { id: string; name: string }[];
  note: string | null;
  available: LifecycleActionType[];
  /** Rules the approval of the requested amount steps outside of (the form warns and asks for a reason). */
  overrideRules: OverrideRule[];
  requestedCents: number;
  thresholdCents: number;
  firstApproverName: string | null;
  decision: ResidentDecision | null;
};

export async function bureauWorkView(db: DB, reference: string, user: User, settings: FundSettings, locale: Locale, now: Date): Promise<BureauWork | null> {
  const a = await db
    .selectFrom("applications as a")
    .innerJoin("areas as ar", "ar.id", "a.area_id")
    .leftJoin("users as assigned", "assigned.id", "a.assigned_user_id")
    .leftJoin("users as first", "first.id", "a.first_approver_user_id")
    .select([
      "a.id",
      "a.status",
      "a.requested_cents",
      "a.granted_cents",
      "a.applicant_user_id",
      "a.submitted_by_user_id",
      "a.first_approver_user_id",
      "a.activity_date",
      "ar.in_focus",
      "assigned.name as assignedName",
      "first.name as firstApproverName",
    ])
    .where("a.reference", "=", reference)
    .executeTakeFirst();
  if (!a) return null;
  const name = locale === "en" ? "f.name_en" : "f.name_nl";
  const [declared, judged, all, note] = await Promise.all([
    db.selectFrom("application_factors").select("factor_id").where("application_id", "=", a.id).execute(),
    db
      .selectFrom("review_judgements as j")
      .innerJoin("users as u", "u.id", "j.reviewer_user_id")
      .select(["j.factor_id", "j.judgement", "j.motivation", "u.name as reviewerName"])
      .where("j.application_id", "=", a.id)
      .execute(),
    db
      .selectFrom("factors as f")
      .select(["f.id", `${name} as name`])
      .where("f.active", "=", 1)
      .orderBy("f.sort_order")
      .execute(),
    db.selectFrom("review_notes").select("note").where("application_id", "=", a.id).executeTakeFirst(),
  ]);
  const declaredIds = declared.map((d) => d.factor_id);
  const factors: FactorReview[] = all
    .filter((f) => declaredIds.includes(f.id) || judged.some((j) => j.factor_id === f.id))
    .map((f) => {
      const j = judged.find((x) => x.factor_id === f.id);
      return {
        id: f.id,
        name: f.name,
        declared: declaredIds.includes(f.id),
        judgement: j?.judgement ?? null,
        motivation: j?.motivation ?? null,
        reviewerName: j?.reviewerName ?? null,
      };
    })
    // The resident's own factors first, then those the bureau added.
    .sort((x, y) => Number(y.declared) - Number(x.declared));
  const actor = actorOf(user);
  const context = await buildLifecycleContext(db, a.id, settings, now);
  const facts = {
    status: a.status,
    requestedCents: a.requested_cents,
    grantedCents: a.granted_cents,
    applicantUserId: a.applicant_user_id,
    submittedByUserId: a.submitted_by_user_id,
    areaEligible: a.in_focus === 1,
    activityDate: a.activity_date,
    firstApproverUserId: a.first_approver_user_id,
  };
  const reviewers = can(actor, "application.assign").allowed
    ? await db
        .selectFrom("users as u")
        .innerJoin("user_roles as r", "r.user_id", "u.id")
        .select(["u.email", "u.name"])
        .where("r.role", "in", ["reviewer", "fund_admin"])
        .distinct()
        .orderBy("u.name")
        .orderBy("u.email")
        .execute()
    : null;
  return {
    assignedName: a.assignedName,
    reviewers,
    factors,
    otherFactors: all.filter((f) => !factors.some((x) => x.id === f.id)),
    note: note?.note ?? null,
    available: availableActions(facts, actor, context),
    overrideRules: overrideRules(facts, a.granted_cents ?? a.requested_cents, context),
    requestedCents: a.requested_cents,
    thresholdCents: settings.fourEyesThresholdCents,
    firstApproverName: a.firstApproverName,
    decision: await residentDecision(db, a.id, a.status),
  };
}
