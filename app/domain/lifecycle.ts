// The way of an application, from idea to closed file, and who may move it. The only place that
// decides whether a status change is allowed (architecture.md: "Never … a second place that
// decides whether a status change … is allowed"); who may act comes from permissions.ts.
// Source: domain.md §1 (simple form, bureau manages and decides, report afterwards at effort
// level), §6 (speed, trust: do what you promise) and §7b.5 (status visible to the applicant).
//
// draft → submitted → in_review → approved | declined, with in_review → needs_info → submitted.
// Four eyes: an approval ABOVE the threshold goes in_review → awaiting_second_review, and only a
// different reviewer confirms it (→ approved) or sends it back (→ in_review).
// approved → paid → report_due → reported → closed (a report may also come before it is asked).
// withdrawn: the applicant, before a decision. cancelled: the bureau, after approval, with reason.
// Nobody who declared a conflict of interest, nor the applicant or the person who submitted it,
// takes a bureau step on the application. An approval outside a rule (area not eligible, above
// the maximum amount, activity date in the past) needs a written override reason, kept in the audit;
// a four-eyes confirmation checks those rules again on its own day and needs its own reason.
import type { Cents } from "./money";
import { can, type Action, type Actor } from "./permissions";
import { refuse, type Refusal } from "./result";
import { dueDate, isOverdue, type WorkdayCalendar } from "./workdays";

export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "in_review",
  "needs_info",
  "awaiting_second_review",
  "approved",
  "declined",
  "paid",
  "report_due",
  "reported",
  "closed",
  "withdrawn",
  "cancelled",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type ApplicationFacts = {
  status: ApplicationStatus;
  requestedCents: Cents;
  grantedCents: Cents | null;
  applicantUserId: string | null;
  submittedByUserId: string | null;
  areaEligible: boolean;
  activityDate: string | null; // "YYYY-MM-DD", null when not known
  firstApproverUserId: string | null;
};

export type LifecycleAction =
  | { type: "submit" }
  | { type: "take" }
  | { type: "ask_question"; question: string }
  | { type: "approve"; grantedCents: Cents; reason?: string; overrideReason?: string }
  | { type: "decline"; reason: string }
  /** The rules are checked again on the day of confirmation: see decide. */
  | { type: "confirm"; overrideReason?: string }
  | { type: "send_back"; reason: string }
  | { type: "record_payment"; cents?: Cents }
  | { type: "request_report" }
  | { type: "submit_report" }
  | { type: "accept_report" }
  | { type: "withdraw"; reason?: string }
  | { type: "cancel"; reason: string };
export type LifecycleActionType = LifecycleAction["type"];

export type LifecycleContext = {
  fourEyesThresholdCents: Cents;
  maxAmountCents: Cents;
  conflictsOfInterest: readonly string[];
  today: string; // "YYYY-MM-DD", Europe/Amsterdam
};

export type OverrideRule = "area_not_eligible" | "above_maximum_amount" | "activity_in_past";
/** An approval outside the rules, with the written reason of the reviewer who took the step. */
export type Override = { rules: OverrideRule[]; reason: string };

export type MailTemplate =
  | "received"
  | "new_application"
  | "answer_received"
  | "question"
  | "decision"
  | "second_review_needed"
  | "payment"
  | "report_request"
  | "report_received"
  | "closed"
  | "withdrawn"
  | "cancelled";

export type Effect =
  | {
      type: "audit";
      action: LifecycleActionType;
      from: ApplicationStatus;
      to: ApplicationStatus;
      actorUserId: string | null;
      reason: string | null;
      override: Override | null;
    }
  /** "applicant" = the applicant and, when someone submitted for them, that person too. */
  | { type: "mail"; template: MailTemplate; to: "applicant" | "bureau" }
  /** Mirrors ledger.ts operations. A release of "all" frees what is still outstanding, if any. */
  | { type: "ledger"; operation: "commit" | "disburse"; cents: Cents }
  | { type: "ledger"; operation: "release"; cents: "all" };

/** Facts the model stores along with the new status. */
export type FactChanges = Partial<Pick<ApplicationFacts, "grantedCents" | "firstApproverUserId">> & {
  /** Who works on the application now: whoever takes it (a fund administrator may reassign, review.ts). */
  assignedUserId?: string | null;
};

export type LifecycleRefusal =
  | Refusal<"not_allowed_in_status", { status: ApplicationStatus; action: LifecycleActionType }>
  | Refusal<"not_signed_in" | "role_not_allowed" | "not_own" | "not_own_organisation", { action: LifecycleActionType }>
  | Refusal<"conflict_of_interest">
  | Refusal<"same_reviewer">
  | Refusal<"reason_required">
  | Refusal<"invalid_amount", { cents: number | null }>
  | Refusal<"granted_above_requested", { grantedCents: Cents; requestedCents: Cents }>
  | Refusal<"payment_above_granted", { cents: Cents; grantedCents: Cents }>
  | Refusal<"override_reason_required", { rules: OverrideRule[] }>;
export type LifecycleRefusalReason = LifecycleRefusal["reason"];

export type Decision = { ok: true; status: ApplicationStatus; effects: Effect[]; changes: FactChanges } | LifecycleRefusal;

/** Who acts: the applicant side ("owner") or a bureau step guarded by a permission. */
type Transition = { from: readonly ApplicationStatus[]; to: ApplicationStatus; who: "owner" | Action };

const BEFORE_DECISION = ["draft", "submitted", "in_review", "needs_info", "awaiting_second_review"] as const;

export const TRANSITIONS: Readonly<Record<LifecycleActionType, Transition>> = {
  submit: { from: ["draft", "needs_info"], to: "submitted", who: "owner" },
  take: { from: ["submitted"], to: "in_review", who: "application.take" },
  ask_question: { from: ["in_review"], to: "needs_info", who: "application.ask_question" },
  approve: { from: ["in_review"], to: "approved", who: "application.decide" },
  decline: { from: ["in_review"], to: "declined", who: "application.decide" },
  confirm: { from: ["awaiting_second_review"], to: "approved", who: "application.confirm_four_eyes" },
  send_back: { from: ["awaiting_second_review"], to: "in_review", who: "application.confirm_four_eyes" },
  record_payment: { from: ["approved"], to: "paid", who: "payment.record" },
  request_report: { from: ["paid"], to: "report_due", who: "application.review" },
  submit_report: { from: ["paid", "report_due"], to: "reported", who: "owner" },
  accept_report: { from: ["reported"], to: "closed", who: "report.accept" },
  withdraw: { from: BEFORE_DECISION, to: "withdrawn", who: "owner" },
  cancel: { from: ["approved", "paid", "report_due"], to: "cancelled", who: "application.decide" },
};

/** Status, permission and conflict checks: whether this actor may take this step now at all. */
function gate(facts: ApplicationFacts, type: LifecycleActionType, actor: Actor, context: LifecycleContext): LifecycleRefusal | null {
  const transition = TRANSITIONS[type];
  if (!transition.from.includes(facts.status)) {
    return refuse("not_allowed_in_status", { status: facts.status, action: type });
  }
  const owners = [facts.applicantUserId, facts.submittedByUserId].filter((id) => id !== null);
  const permission =
    transition.who !== "owner"
      ? can(actor, transition.who)
      : type === "submit" && facts.status === "draft" && owners.length === 0
        ? can(actor, "application.submit") // an anonymous visitor's own new application
        : can(actor, "application.edit_own", { ownerUserIds: owners });
  if (!permission.allowed) return refuse(permission.reason, { action: type });
  const involved: (string | null)[] = [...context.conflictsOfInterest, ...owners]; // never null itself
  if (transition.who !== "owner" && involved.includes(actor.userId)) {
    return refuse("conflict_of_interest");
  }
  if (type === "confirm" && actor.userId === facts.firstApproverUserId) return refuse("same_reviewer");
  return null;
}

/** The action types this actor may try now (for buttons); payload rules are checked by decide. */
export function availableActions(facts: ApplicationFacts, actor: Actor, context: LifecycleContext): LifecycleActionType[] {
  return (Object.keys(TRANSITIONS) as LifecycleActionType[]).filter((type) => gate(facts, type, actor, context) === null);
}

/** Which rules an approval of `grantedCents` steps outside of. */
export function overrideRules(facts: ApplicationFacts, grantedCents: Cents, context: LifecycleContext): OverrideRule[] {
  const rules: OverrideRule[] = [];
  if (!facts.areaEligible) rules.push("area_not_eligible");
  if (grantedCents > context.maxAmountCents) rules.push("above_maximum_amount");
  if ((facts.activityDate ?? context.today) < context.today) rules.push("activity_in_past");
  return rules;
}

export function decide(facts: ApplicationFacts, action: LifecycleAction, actor: Actor, context: LifecycleContext): Decision {
  const refused = gate(facts, action.type, actor, context);
  if (refused) return refused;

  const from = facts.status;
  const mails: Effect[] = [];
  const ledger: Effect[] = [];
  const changes: FactChanges = {};
  let to = TRANSITIONS[action.type].to;
  let reason: string | null = null;
  let override: Override | null = null;
  const mail = (template: MailTemplate, recipient: "applicant" | "bureau" = "applicant") => mails.push({ type: "mail", template, to: recipient });

  switch (action.type) {
    case "take":
      changes.assignedUserId = actor.userId; // the one who takes it works on it
      break;
    case "submit":
      if (from === "draft") {
        mail("received");
        mail("new_application", "bureau");
      } else {
        mail("answer_received", "bureau");
      }
      break;
    case "ask_question":
      reason = written(action.question);
      if (reason === null) return refuse("reason_required");
      mail("question");
      break;
    case "approve": {
      const granted = action.grantedCents;
      if (!isPositiveCents(granted)) return refuse("invalid_amount", { cents: granted });
      if (granted > facts.requestedCents) {
        return refuse("granted_above_requested", { grantedCents: granted, requestedCents: facts.requestedCents });
      }
      const checked = overrideOf(overrideRules(facts, granted, context), action.overrideReason);
      if (checked !== null && "ok" in checked) return checked;
      override = checked;
      reason = written(action.reason);
      changes.grantedCents = granted;
      if (granted > context.fourEyesThresholdCents) {
        to = "awaiting_second_review";
        changes.firstApproverUserId = actor.userId;
        mail("second_review_needed", "bureau");
      } else {
        ledger.push({ type: "ledger", operation: "commit", cents: granted });
        mail("decision");
      }
      break;
    }
    case "confirm": {
      const granted = facts.grantedCents;
      if (!isPositiveCents(granted)) return refuse("invalid_amount", { cents: granted });
      // Decision 011: the rules are checked again today (the activity date may have passed, a
      // maximum may have changed), and the second reviewer writes their own reason for every
      // rule the approval steps outside of, also one the first reviewer already overrode.
      const checked = overrideOf(overrideRules(facts, granted, context), action.overrideReason);
      if (checked !== null && "ok" in checked) return checked;
      override = checked;
      ledger.push({ type: "ledger", operation: "commit", cents: granted });
      mail("decision");
      break;
    }
    case "send_back":
    case "decline":
    case "cancel":
      reason = written(action.reason);
      if (reason === null) return refuse("reason_required");
      if (action.type === "send_back") {
        changes.grantedCents = null;
        changes.firstApproverUserId = null;
      } else {
        if (action.type === "cancel") ledger.push({ type: "ledger", operation: "release", cents: "all" });
        mail(action.type === "cancel" ? "cancelled" : "decision");
      }
      break;
    case "record_payment": {
      const granted = facts.grantedCents;
      if (!isPositiveCents(granted)) return refuse("invalid_amount", { cents: granted });
      const cents = action.cents ?? granted;
      if (!isPositiveCents(cents)) return refuse("invalid_amount", { cents });
      if (cents > granted) return refuse("payment_above_granted", { cents, grantedCents: granted });
      ledger.push({ type: "ledger", operation: "disburse", cents });
      mail("payment");
      break;
    }
    case "request_report":
      mail("report_request");
      break;
    case "submit_report":
      mail("report_received", "bureau");
      break;
    case "accept_report":
      ledger.push({ type: "ledger", operation: "release", cents: "all" });
      mail("closed");
      break;
    case "withdraw":
      reason = written(action.reason);
      mail("withdrawn");
      break;
  }

  const audit: Effect = { type: "audit", action: action.type, from, to, actorUserId: actor.userId, reason, override };
  return { ok: true, status: to, effects: [audit, ...ledger, ...mails], changes };
}

/** No override when no rule is broken; otherwise one needs a written reason. */
function overrideOf(rules: OverrideRule[], text: string | undefined): Override | LifecycleRefusal | null {
  if (rules.length === 0) return null;
  const reason = written(text);
  return reason === null ? refuse("override_reason_required", { rules }) : { rules, reason };
}

function written(text: string | undefined): string | null {
  const trimmed = (text ?? "").trim();
  return trimmed === "" ? null : trimmed;
}

function isPositiveCents(value: number | null): value is Cents {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

// ---- The applicant's view: "Mijn aanvragen" shows a timeline of these stages. ----

export const TIMELINE_STAGES = ["received", "in_review", "decided", "paid", "reported"] as const;
export type TimelineStage = (typeof TIMELINE_STAGES)[number];

const STAGE: Record<ApplicationStatus, TimelineStage | null> = {
  draft: null, // not sent yet: shown as "concept", not on the timeline
  submitted: "received",
  in_review: "in_review",
  needs_info: "in_review", // a question is part of the review
  awaiting_second_review: "in_review", // the second look is internal
  approved: "decided",
  declined: "decided",
  paid: "paid",
  report_due: "paid",
  reported: "reported",
  closed: "reported",
  withdrawn: null, // stopped by the applicant: shown by its status label instead
  cancelled: "decided",
};

/** The furthest stage reached, or null when the status is not on the timeline (draft, withdrawn). */
export function timelineStage(status: ApplicationStatus): TimelineStage | null {
  return STAGE[status];
}

/** Statuses in which nothing more happens. */
export const FINAL_STATUSES: readonly ApplicationStatus[] = ["declined", "closed", "withdrawn", "cancelled"];

/** Statuses in which the bureau owes the applicant an answer (the decision-time target runs). */
export const AWAITING_BUREAU: readonly ApplicationStatus[] = ["submitted", "in_review", "awaiting_second_review"];

// The answer clock (decision 010): the bureau answers within the target number of working days
// (5 unless set) counted from the moment the application is with the bureau. A question puts the
// ball with the resident and stops the clock (needs_info is not AWAITING_BUREAU); the resident's
// answer is a new submit and RESTARTS it with the full target, because the bureau must weigh the
// new information, and "within 5 working days of your answer" is a promise a resident can follow.

/** A step on the application's file, as the audit log keeps it. */
export type TimedStep = Readonly<{ action: LifecycleActionType; at: Date }>;

/** When the answer clock last (re)started: the latest submit (first submission or answer), or null. */
export function answerClockStartedAt(steps: readonly TimedStep[]): Date | null {
  const submits = steps.filter((step) => step.action === "submit").map((step) => step.at.getTime());
  return submits.length === 0 ? null : new Date(Math.max(...submits));
}

export type AnswerDueInput = Readonly<{
  status: ApplicationStatus;
  /** When the clock (re)started: see answerClockStartedAt. */
  clockStartedAt: Date;
  now: Date;
  /** Whole working days the bureau has to answer; workdays' DEFAULT_TARGET_WORKING_DAYS (5) when not set. */
  targetWorkingDays?: number;
  calendar?: WorkdayCalendar;
}>;

/** While the bureau owes an answer: the last day it is on time, and whether that day has passed. */
export function answerDue(input: AnswerDueInput): { due: string; overdue: boolean } | null {
  // Left out, target and calendar take workdays' defaults (5 working days, no closing days).
  const { status, clockStartedAt, now, targetWorkingDays, calendar } = input;
  if (!AWAITING_BUREAU.includes(status)) return null;
  return {
    due: dueDate(clockStartedAt, targetWorkingDays, calendar),
    overdue: isOverdue(clockStartedAt, now, targetWorkingDays, calendar),
  };
}

/**
 * Back in the queue after a question: submitted again (the clock restarted at the answer, later
 * than the first submission) and not yet taken up. Read from the stored clock start alone.
 */
export function answerReceived(input: Readonly<{ status: ApplicationStatus; submittedAt: string; clockStartedAt: string | null }>): boolean {
  // Both are ISO-8601 UTC timestamps as the database keeps them, so they compare as text.
  return input.status === "submitted" && (input.clockStartedAt ?? "") > input.submittedAt;
}
