// Walks one application through the lifecycle as people would, one step after another, and asks
// the domain (domain/lifecycle.ts decide) for every step: a step the domain refuses is a bug in
// the generator and stops it. What each step causes (status, audit entry, mails, the ledger's
// amounts) is what decide returns, so the data set stays true to the rules when they change.
// A step that would fall after the end of the window is not taken: recent applications are still
// open, old ones are closed, and the proportions of statuses follow from that.
import { decide, type ApplicationFacts, type LifecycleAction, type LifecycleActionType } from "../../app/domain/lifecycle";
import { amsterdamDate } from "../../app/domain/workdays";
import { actorOf } from "../../app/models/users.server";
import { auditActorOf, LIFECYCLE_AUDIT_ACTIONS } from "../../app/models/audit.server";
import type { ApplicationStory, GenerationContext, Person } from "./context";
import type { Rng } from "./prng";
import { REASONS } from "./words";

const DAY = 24 * 60 * 60 * 1000;

export type WalkEnv = {
  ctx: GenerationContext;
  rng: Rng;
  /** The resident account of this address, made (first sign-in) at `at` when there is none yet. */
  residentFor: (email: string, name: string, at: number) => Person;
  areaEligible: boolean;
};

type Choice = LifecycleActionType | "stop";

/** What happens next in each status, with weights; "stop" leaves it there for good. */
const NEXT: Partial<Record<ApplicationFacts["status"], Partial<Record<Choice, number>>>> = {
  submitted: { take: 0.98, withdraw: 0.02 },
  in_review: { approve: 0.62, decline: 0.17, ask_question: 0.18, withdraw: 0.03 },
  needs_info: { submit: 0.85, withdraw: 0.1, stop: 0.05 },
  awaiting_second_review: { confirm: 0.93, send_back: 0.07 },
  approved: { record_payment: 0.97, cancel: 0.03 },
  paid: { request_report: 0.76, submit_report: 0.2, cancel: 0.01, stop: 0.03 },
  report_due: { submit_report: 0.91, cancel: 0.02, stop: 0.07 },
  reported: { accept_report: 0.98, stop: 0.02 },
};

/** Typical days until the next step (a skewed spread around it). */
const DELAY_DAYS: Record<LifecycleActionType, number> = {
  submit: 5,
  take: 2,
  ask_question: 5,
  approve: 7,
  decline: 6,
  confirm: 2,
  send_back: 2,
  record_payment: 7,
  request_report: 12,
  submit_report: 14,
  accept_report: 5,
  withdraw: 6,
  cancel: 10,
};

const OWNER_STEPS: readonly LifecycleActionType[] = ["submit", "submit_report", "withdraw"];

/** A bureau step happens on a working day between 8:30 and 17:00 (Amsterdam, roughly). */
function officeTime(at: number, rng: Rng): number {
  const d = new Date(at);
  d.setUTCHours(7, 30 + rng.int(0, 8 * 60), rng.int(0, 59), 0);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return Math.max(d.getTime(), at + 60_000);
}

function roundCents(cents: number): number {
  return Math.round(cents / 500) * 500;
}

export function walk(story: ApplicationStory, env: WalkEnv, draftOnly: boolean): void {
  const { ctx, rng } = env;
  const { reviewers, fundAdmins } = ctx.people;
  const settings = ctx.options.settings;
  const facts: ApplicationFacts = {
    status: "draft",
    requestedCents: story.requestedCents,
    grantedCents: null,
    applicantUserId: null,
    submittedByUserId: story.submitter?.id ?? null,
    areaEligible: env.areaEligible,
    activityDate: story.activityDate,
    firstApproverUserId: null,
  };
  let at = story.submittedAt;
  let handler = rng.pick(reviewers);
  let questions = 0;

  const free = (people: Person[], not: (string | null)[] = []) => {
    const allowed = people.filter((p) => !story.conflicts.includes(p.id) && !not.includes(p.id));
    return rng.pick(allowed.length > 0 ? allowed : people);
  };
  const owner = (when: number): Person | null => {
    if (story.submitter && (story.applicantEmail === null || rng.chance(0.5))) return story.submitter;
    if (story.applicantEmail === null) return null;
    const resident = env.residentFor(story.applicantEmail, story.applicantName, when - rng.int(2, 30) * 60_000);
    ctx.signIns.push({ at: when - rng.int(1, 10) * 60_000, person: resident, method: rng.chance(0.7) ? "link" : "code" });
    return resident;
  };

  const take = (action: LifecycleAction, actor: Person | null, when: number): void => {
    // The route checks ownership by the signed-in address as well as by the stored id.
    const asOwner = actor && !facts.applicantUserId && actor.roles.includes("resident") ? { ...facts, applicantUserId: actor.id } : facts;
    const context = {
      fourEyesThresholdCents: settings.fourEyesThresholdCents,
      maxAmountCents: settings.fundMaxCents,
      conflictsOfInterest: story.conflicts,
      today: amsterdamDate(new Date(when)),
    };
    const decision = decide(asOwner, action, actorOf(actor ? { ...actor } : null), context);
    if (!decision.ok) throw new Error(`Generator bug: ${story.reference} ${action.type} from ${facts.status} refused (${decision.reason})`);
    const from = facts.status;
    facts.status = decision.status;
    if ("grantedCents" in decision.changes) facts.grantedCents = decision.changes.grantedCents ?? null;
    if ("firstApproverUserId" in decision.changes) facts.firstApproverUserId = decision.changes.firstApproverUserId ?? null;
    if ("assignedUserId" in decision.changes) story.assignedUserId = decision.changes.assignedUserId ?? null;
    const cents = action.type === "record_payment" ? (action.cents ?? facts.grantedCents) : action.type === "approve" || action.type === "confirm" ? facts.grantedCents : null;
    const audited = decision.effects.find((e) => e.type === "audit");
    const reason = audited?.reason ?? null;
    const override = audited?.override ?? null;
    story.steps.push({ action: action.type, at: when, actor, from, to: decision.status, cents, reason, override });
    for (const effect of decision.effects) {
      if (effect.type === "audit") {
        const who = auditActorOf(actor);
        ctx.audit.push({
          at: when,
          actorUserId: who.userId,
          actorLabel: who.label,
          action: LIFECYCLE_AUDIT_ACTIONS[effect.action],
          entityType: "application",
          entityId: story.id,
          before: { status: effect.from },
          after: {
            status: effect.to,
            reference: story.reference,
            ...(effect.reason !== null ? { reason: effect.reason } : {}),
            ...(effect.override !== null ? { override: effect.override } : {}),
            ...decision.changes,
          },
        });
      } else if (effect.type === "mail") {
        ctx.mails.push({ at: when, audience: effect.to, template: effect.template, story });
      }
    }
    if (actor && !OWNER_STEPS.includes(action.type)) {
      // The bureau opens the application's page before it acts (models/application-views.server.ts).
      for (let v = rng.chance(0.6) ? 1 : 0; v > 0; v--) {
        ctx.audit.push({
          at: when - rng.int(1, 20) * 60_000,
          actorUserId: actor.id,
          actorLabel: actor.email,
          action: "personal_data.viewed",
          entityType: "application",
          entityId: story.id,
          before: null,
          after: { reference: story.reference, page: "bureau.application" },
        });
      }
    }
  };

  // The submission itself: anonymous, a signed-in resident, or a supporter on someone's behalf.
  if (draftOnly) return; // an application that was never sent: no step, no audit entry, no mail
  const signedIn = story.applicantUserId && !story.submitter && rng.chance(0.4) ? env.ctx.people.residents.get(story.applicantEmail ?? "") ?? null : null;
  take({ type: "submit" }, story.submitter ?? signedIn, at);
  facts.applicantUserId = story.applicantUserId; // linked after the step, as the model does

  for (;;) {
    const options = NEXT[facts.status];
    if (!options) break; // a final status
    const weights: Partial<Record<Choice, number>> = { ...options };
    if (facts.status === "in_review" && questions >= 2) weights.ask_question = 0;
    const choice = rng.weighted(weights as Record<Choice, number>);
    if (choice === "stop") break;
    let when = at + rng.skewed(DELAY_DAYS[choice], 0.5) * DAY;
    if (choice === "request_report") when = Math.max(when, Date.parse(`${story.activityDate}T12:00:00Z`) + rng.skewed(10, 0.4) * DAY);
    const bureau = !OWNER_STEPS.includes(choice);
    if (bureau) when = officeTime(when, rng);
    if (when > ctx.until) break; // not yet: the application waits here at the end of the window
    const actor = bureau ? null : owner(when);
    if (!bureau && actor === null) break; // nobody can take the applicant's step
    switch (choice) {
      case "take":
        handler = free(reviewers);
        take({ type: "take" }, handler, when);
        break;
      case "ask_question":
        questions++;
        take({ type: "ask_question", question: rng.pick(REASONS.question) }, handler, when);
        break;
      case "submit":
        take({ type: "submit" }, actor, when);
        break;
      case "approve": {
        const granted = rng.chance(0.85) ? story.requestedCents : Math.max(500, roundCents(story.requestedCents * (0.6 + rng.next() * 0.35)));
        handler = rng.chance(0.7) ? handler : free(reviewers);
        take({ type: "approve", grantedCents: granted, overrideReason: rng.pick(REASONS.override) }, handler, when);
        break;
      }
      case "decline":
        take({ type: "decline", reason: rng.pick(REASONS.decline) }, free(reviewers), when);
        break;
      case "confirm":
        take({ type: "confirm", overrideReason: rng.pick(REASONS.override) }, free(reviewers, [facts.firstApproverUserId]), when);
        break;
      case "send_back":
        take({ type: "send_back", reason: rng.pick(REASONS.sendBack) }, free(reviewers, [facts.firstApproverUserId]), when);
        break;
      case "record_payment":
        take({ type: "record_payment" }, free(fundAdmins), when);
        break;
      case "request_report":
        take({ type: "request_report" }, free(reviewers), when);
        break;
      case "submit_report":
        take({ type: "submit_report" }, actor, when);
        break;
      case "accept_report":
        take({ type: "accept_report" }, free(reviewers), when);
        break;
      case "withdraw":
        take({ type: "withdraw", reason: rng.pick(REASONS.withdraw) }, actor, when);
        break;
      case "cancel":
        take({ type: "cancel", reason: rng.pick(REASONS.cancel) }, free(reviewers), when);
        break;
    }
    at = when;
  }
  story.status = facts.status;
  story.grantedCents = facts.grantedCents;
  story.firstApproverUserId = facts.firstApproverUserId;
}
