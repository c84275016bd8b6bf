import { describe, expect, it } from "vitest";
import {
  APPLICATION_STATUSES,
  FINAL_STATUSES,
  TIMELINE_STAGES,
  TRANSITIONS,
  availableActions,
  decide,
  overrideRules,
  timelineStage,
  type ApplicationFacts,
  type ApplicationStatus,
  type LifecycleAction,
  type LifecycleActionType,
  type LifecycleContext,
} from "./lifecycle";
import { ROLES, type Actor, type Role } from "./permissions";

const facts = (over: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  status: "in_review",
  requestedCents: 100_000,
  grantedCents: 50_000,
  applicantUserId: "applicant",
  submittedByUserId: "helper",
  areaEligible: true,
  activityDate: "2026-12-01",
  firstApproverUserId: "rev2",
  ...over,
});

const context: LifecycleContext = {
  fourEyesThresholdCents: 250_000,
  maxAmountCents: 500_000,
  conflictsOfInterest: [],
  today: "2026-11-23",
};

const ACTORS: Record<Role, Actor> = {
  anonymous: { userId: null, roles: [] },
  resident: { userId: "applicant", roles: ["resident"] },
  supporter: { userId: "helper", roles: ["supporter"] },
  reviewer: { userId: "rev1", roles: ["reviewer"] },
  fund_admin: { userId: "admin1", roles: ["fund_admin"] },
  partner: { userId: "p1", roles: ["partner"], organisationId: "org1" },
};
const reviewer = ACTORS.reviewer;
const resident = ACTORS.resident;

const PAYLOAD: Record<LifecycleActionType, LifecycleAction> = {
  submit: { type: "submit" },
  take: { type: "take" },
  ask_question: { type: "ask_question", question: "Wanneer is het feest?" },
  approve: { type: "approve", grantedCents: 50_000 },
  decline: { type: "decline", reason: "Buiten de doelen van het fonds." },
  confirm: { type: "confirm" },
  send_back: { type: "send_back", reason: "Bedrag klopt niet." },
  record_payment: { type: "record_payment" },
  request_report: { type: "request_report" },
  submit_report: { type: "submit_report" },
  accept_report: { type: "accept_report" },
  withdraw: { type: "withdraw" },
  cancel: { type: "cancel", reason: "Het feest gaat niet door." },
};

// The expected table, written out apart from TRANSITIONS: from which statuses, to which status,
// and who ("owner" = the applicant or the supporter who submitted it).
const BUREAU: Role[] = ["reviewer", "fund_admin"];
const EXPECTED: Record<LifecycleActionType, { from: ApplicationStatus[]; to: ApplicationStatus; who: Role[] | "owner" }> = {
  submit: { from: ["draft", "needs_info"], to: "submitted", who: "owner" },
  take: { from: ["submitted"], to: "in_review", who: BUREAU },
  ask_question: { from: ["in_review"], to: "needs_info", who: BUREAU },
  approve: { from: ["in_review"], to: "approved", who: BUREAU },
  decline: { from: ["in_review"], to: "declined", who: BUREAU },
  confirm: { from: ["awaiting_second_review"], to: "approved", who: BUREAU },
  send_back: { from: ["awaiting_second_review"], to: "in_review", who: BUREAU },
  record_payment: { from: ["approved"], to: "paid", who: ["fund_admin"] },
  request_report: { from: ["paid"], to: "report_due", who: BUREAU },
  submit_report: { from: ["paid", "report_due"], to: "reported", who: "owner" },
  accept_report: { from: ["reported"], to: "closed", who: BUREAU },
  withdraw: {
    from: ["draft", "submitted", "in_review", "needs_info", "awaiting_second_review"],
    to: "withdrawn",
    who: "owner",
  },
  cancel: { from: ["approved", "paid", "report_due"], to: "cancelled", who: BUREAU },
};

describe("every status × action × role", () => {
  it("covers every action of the module", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(TRANSITIONS).sort());
  });

  for (const status of APPLICATION_STATUSES) {
    for (const [type, rule] of Object.entries(EXPECTED) as [LifecycleActionType, (typeof EXPECTED)["submit"]][]) {
      for (const role of ROLES) {
        const allowedRole = rule.who === "owner" ? role === "resident" || role === "supporter" : rule.who.includes(role);
        const expected = !rule.from.includes(status)
          ? { ok: false, reason: "not_allowed_in_status", status, action: type }
          : allowedRole
            ? { ok: true, status: rule.to }
            : { ok: false, reason: role === "anonymous" ? "not_signed_in" : "role_not_allowed", action: type };
        it(`${status} · ${type} · ${role} → ${expected.ok ? expected.status : expected.reason}`, () => {
          const result = decide(facts({ status }), PAYLOAD[type], ACTORS[role], context);
          expect(result).toMatchObject(expected);
          if (!result.ok) expect(result).toEqual(expected);
          const offered = availableActions(facts({ status }), ACTORS[role], context).includes(type);
          expect(offered).toBe(result.ok);
        });
      }
    }
  }
});

describe("effects", () => {
  const audit = (action: LifecycleActionType, from: ApplicationStatus, to: ApplicationStatus, more = {}) => ({
    type: "audit",
    action,
    from,
    to,
    actorUserId: "rev1",
    reason: null,
    override: null,
    ...more,
  });

  it("submit: confirmation to the applicant, notice to the bureau", () => {
    expect(decide(facts({ status: "draft" }), { type: "submit" }, resident, context)).toEqual({
      ok: true,
      status: "submitted",
      changes: {},
      effects: [
        audit("submit", "draft", "submitted", { actorUserId: "applicant" }),
        { type: "mail", template: "received", to: "applicant" },
        { type: "mail", template: "new_application", to: "bureau" },
      ],
    });
  });

  it("an answer to a question goes back to the bureau", () => {
    expect(decide(facts({ status: "needs_info" }), { type: "submit" }, ACTORS.supporter, context)).toMatchObject({
      status: "submitted",
      effects: [audit("submit", "needs_info", "submitted", { actorUserId: "helper" }), { type: "mail", template: "answer_received", to: "bureau" }],
    });
  });

  it("an anonymous visitor submits a new application without owners, but not someone else's draft", () => {
    const anonymousDraft = facts({ status: "draft", applicantUserId: null, submittedByUserId: null });
    expect(decide(anonymousDraft, { type: "submit" }, ACTORS.anonymous, context)).toMatchObject({
      ok: true,
      status: "submitted",
    });
    expect(decide(facts({ status: "draft" }), { type: "submit" }, ACTORS.anonymous, context)).toEqual({
      ok: false,
      reason: "not_signed_in",
      action: "submit",
    });
    expect(decide(anonymousDraft, { type: "withdraw" }, ACTORS.anonymous, context)).toMatchObject({
      reason: "not_signed_in",
    });
    const anonymousQuestion = { ...anonymousDraft, status: "needs_info" as const };
    expect(decide(anonymousQuestion, { type: "submit" }, ACTORS.anonymous, context)).toMatchObject({
      reason: "not_signed_in",
    });
    expect(decide(facts({ status: "draft" }), { type: "submit" }, { userId: "other", roles: ["resident"] }, context)).toEqual({
      ok: false,
      reason: "not_own",
      action: "submit",
    });
  });

  it("take changes the status and assigns the application to the one who took it", () => {
    expect(decide(facts({ status: "submitted" }), { type: "take" }, reviewer, context)).toEqual({
      ok: true,
      status: "in_review",
      changes: { assignedUserId: reviewer.userId },
      effects: [audit("take", "submitted", "in_review")],
    });
  });

  it("a question is required, kept trimmed, and mailed", () => {
    expect(decide(facts(), { type: "ask_question", question: "  " }, reviewer, context)).toEqual({
      ok: false,
      reason: "reason_required",
    });
    expect(decide(facts(), { type: "ask_question", question: " Welke buurt? " }, reviewer, context)).toMatchObject({
      effects: [audit("ask_question", "in_review", "needs_info", { reason: "Welke buurt?" }), { type: "mail", template: "question", to: "applicant" }],
    });
  });

  it("approve at or below the threshold commits the money and tells the applicant", () => {
    const action: LifecycleAction = { type: "approve", grantedCents: 100_000, reason: " Mooi plan " };
    const result = decide(facts({ grantedCents: null }), action, reviewer, { ...context, fourEyesThresholdCents: 100_000 });
    expect(result).toEqual({
      ok: true,
      status: "approved",
      changes: { grantedCents: 100_000 },
      effects: [
        audit("approve", "in_review", "approved", { reason: "Mooi plan" }),
        { type: "ledger", operation: "commit", cents: 100_000 },
        { type: "mail", template: "decision", to: "applicant" },
      ],
    });
  });

  it("decline needs a reason and tells the applicant", () => {
    expect(decide(facts(), { type: "decline", reason: "" }, reviewer, context)).toEqual({
      ok: false,
      reason: "reason_required",
    });
    expect(decide(facts(), { type: "decline", reason: "Geen inwoner." }, reviewer, context)).toEqual({
      ok: true,
      status: "declined",
      changes: {},
      effects: [audit("decline", "in_review", "declined", { reason: "Geen inwoner." }), { type: "mail", template: "decision", to: "applicant" }],
    });
  });

  it("payment disburses the granted amount, or a part of it", () => {
    const approved = facts({ status: "approved" });
    expect(decide(approved, { type: "record_payment" }, ACTORS.fund_admin, context)).toEqual({
      ok: true,
      status: "paid",
      changes: {},
      effects: [
        audit("record_payment", "approved", "paid", { actorUserId: "admin1" }),
        { type: "ledger", operation: "disburse", cents: 50_000 },
        { type: "mail", template: "payment", to: "applicant" },
      ],
    });
    expect(decide(approved, { type: "record_payment", cents: 20_000 }, ACTORS.fund_admin, context)).toMatchObject({
      effects: [{}, { type: "ledger", operation: "disburse", cents: 20_000 }, {}],
    });
    expect(decide(approved, { type: "record_payment", cents: 50_001 }, ACTORS.fund_admin, context)).toEqual({
      ok: false,
      reason: "payment_above_granted",
      cents: 50_001,
      grantedCents: 50_000,
    });
    for (const cents of [0, -1, 1.5]) {
      expect(decide(approved, { type: "record_payment", cents }, ACTORS.fund_admin, context)).toEqual({
        ok: false,
        reason: "invalid_amount",
        cents,
      });
    }
    const noGrant = facts({ status: "approved", grantedCents: null });
    for (const action of [{ type: "record_payment" }, { type: "record_payment", cents: 20_000 }] as const) {
      expect(decide(noGrant, action, ACTORS.fund_admin, context)).toEqual({ ok: false, reason: "invalid_amount", cents: null });
    }
  });

  it("report steps mail the right people; closing releases what was not used", () => {
    expect(decide(facts({ status: "paid" }), { type: "request_report" }, reviewer, context)).toMatchObject({
      effects: [{}, { type: "mail", template: "report_request", to: "applicant" }],
    });
    expect(decide(facts({ status: "paid" }), { type: "submit_report" }, resident, context)).toMatchObject({
      effects: [{}, { type: "mail", template: "report_received", to: "bureau" }],
    });
    expect(decide(facts({ status: "reported" }), { type: "accept_report" }, reviewer, context)).toEqual({
      ok: true,
      status: "closed",
      changes: {},
      effects: [
        audit("accept_report", "reported", "closed"),
        { type: "ledger", operation: "release", cents: "all" },
        { type: "mail", template: "closed", to: "applicant" },
      ],
    });
  });

  it("withdraw keeps an optional reason", () => {
    expect(decide(facts(), { type: "withdraw", reason: " Verhuisd " }, resident, context)).toEqual({
      ok: true,
      status: "withdrawn",
      changes: {},
      effects: [
        audit("withdraw", "in_review", "withdrawn", { actorUserId: "applicant", reason: "Verhuisd" }),
        { type: "mail", template: "withdrawn", to: "applicant" },
      ],
    });
  });

  it("cancel needs a reason, releases the commitment and tells the applicant", () => {
    expect(decide(facts({ status: "approved" }), { type: "cancel", reason: " " }, reviewer, context)).toEqual({
      ok: false,
      reason: "reason_required",
    });
    expect(decide(facts({ status: "paid" }), { type: "cancel", reason: "Gaat niet door" }, reviewer, context)).toEqual({
      ok: true,
      status: "cancelled",
      changes: {},
      effects: [
        audit("cancel", "paid", "cancelled", { reason: "Gaat niet door" }),
        { type: "ledger", operation: "release", cents: "all" },
        { type: "mail", template: "cancelled", to: "applicant" },
      ],
    });
  });
});

describe("approve: amounts", () => {
  it.each([0, -100, 1.5, Number.NaN])("refuses %d as granted amount", (grantedCents) => {
    expect(decide(facts(), { type: "approve", grantedCents }, reviewer, context)).toEqual({
      ok: false,
      reason: "invalid_amount",
      cents: grantedCents,
    });
  });

  it("refuses more than was asked for, and allows exactly that", () => {
    expect(decide(facts(), { type: "approve", grantedCents: 100_001 }, reviewer, context)).toEqual({
      ok: false,
      reason: "granted_above_requested",
      grantedCents: 100_001,
      requestedCents: 100_000,
    });
    expect(decide(facts(), { type: "approve", grantedCents: 100_000 }, reviewer, context)).toMatchObject({ ok: true });
    expect(decide(facts(), { type: "approve", grantedCents: 1 }, reviewer, context)).toMatchObject({ ok: true });
  });
});

describe("four eyes", () => {
  const big = facts({ requestedCents: 400_000, grantedCents: null, firstApproverUserId: null });

  it("an approval above the threshold waits for a second reviewer, without committing money", () => {
    expect(decide(big, { type: "approve", grantedCents: 250_001 }, reviewer, context)).toEqual({
      ok: true,
      status: "awaiting_second_review",
      changes: { grantedCents: 250_001, firstApproverUserId: "rev1" },
      effects: [
        {
          type: "audit",
          action: "approve",
          from: "in_review",
          to: "awaiting_second_review",
          actorUserId: "rev1",
          reason: null,
          override: null,
        },
        { type: "mail", template: "second_review_needed", to: "bureau" },
      ],
    });
    expect(decide(big, { type: "approve", grantedCents: 250_000 }, reviewer, context)).toMatchObject({
      status: "approved",
    });
  });

  it("a different reviewer confirms; then the money is committed", () => {
    const waiting = facts({ status: "awaiting_second_review", grantedCents: 300_000, firstApproverUserId: "rev1" });
    expect(decide(waiting, { type: "confirm" }, reviewer, context)).toEqual({ ok: false, reason: "same_reviewer" });
    expect(availableActions(waiting, reviewer, context)).toEqual(["send_back"]);
    expect(decide(waiting, { type: "confirm" }, ACTORS.fund_admin, context)).toEqual({
      ok: true,
      status: "approved",
      changes: {},
      effects: [
        { type: "audit", action: "confirm", from: "awaiting_second_review", to: "approved", actorUserId: "admin1", reason: null, override: null },
        { type: "ledger", operation: "commit", cents: 300_000 },
        { type: "mail", template: "decision", to: "applicant" },
      ],
    });
  });

  it("a confirmation without a granted amount on file is refused", () => {
    const broken = facts({ status: "awaiting_second_review", grantedCents: null });
    expect(decide(broken, { type: "confirm" }, reviewer, context)).toEqual({
      ok: false,
      reason: "invalid_amount",
      cents: null,
    });
  });

  it("sending back needs a reason and clears the first approval", () => {
    const waiting = facts({ status: "awaiting_second_review", grantedCents: 300_000, firstApproverUserId: "rev1" });
    expect(decide(waiting, { type: "send_back", reason: "" }, ACTORS.fund_admin, context)).toEqual({
      ok: false,
      reason: "reason_required",
    });
    expect(decide(waiting, { type: "send_back", reason: "Te hoog" }, reviewer, context)).toEqual({
      ok: true,
      status: "in_review",
      changes: { grantedCents: null, firstApproverUserId: null },
      effects: [
        { type: "audit", action: "send_back", from: "awaiting_second_review", to: "in_review", actorUserId: "rev1", reason: "Te hoog", override: null },
      ],
    });
  });
});

describe("conflicts of interest", () => {
  const conflicted = { ...context, conflictsOfInterest: ["someone", "rev1"] };

  it("a reviewer who declared a conflict takes no bureau step", () => {
    for (const [status, action] of [
      ["submitted", { type: "take" }],
      ["in_review", PAYLOAD.approve],
      ["in_review", PAYLOAD.decline],
      ["in_review", PAYLOAD.ask_question],
      ["awaiting_second_review", PAYLOAD.confirm],
      ["reported", PAYLOAD.accept_report],
      ["approved", PAYLOAD.cancel],
    ] as [ApplicationStatus, LifecycleAction][]) {
      expect(decide(facts({ status }), action, reviewer, conflicted)).toEqual({ ok: false, reason: "conflict_of_interest" });
      expect(decide(facts({ status }), action, ACTORS.fund_admin, conflicted)).toMatchObject({ ok: true });
    }
    expect(availableActions(facts(), reviewer, conflicted)).toEqual([]);
  });

  it("nobody judges an application they applied for or submitted", () => {
    const ownApplication = facts({ applicantUserId: "rev1", submittedByUserId: null });
    expect(decide(ownApplication, PAYLOAD.approve, reviewer, context)).toEqual({ ok: false, reason: "conflict_of_interest" });
    const submittedForSomeone = facts({ submittedByUserId: "rev1" });
    expect(decide(submittedForSomeone, PAYLOAD.decline, reviewer, context)).toEqual({
      ok: false,
      reason: "conflict_of_interest",
    });
  });

  it("an owner's own steps are not a conflict", () => {
    const ownApplication = facts({ applicantUserId: "rev1", status: "in_review" });
    expect(decide(ownApplication, { type: "withdraw" }, { userId: "rev1", roles: ["reviewer", "resident"] }, conflicted)).toMatchObject({
      ok: true,
    });
  });
});

describe("overrides", () => {
  const outside = facts({ areaEligible: false, activityDate: "2026-11-22" });
  const approve = (over: Partial<Extract<LifecycleAction, { type: "approve" }>> = {}): LifecycleAction => ({
    type: "approve",
    grantedCents: 60_000,
    ...over,
  });
  const tight = { ...context, maxAmountCents: 50_000 };

  it("lists each rule the approval steps outside of", () => {
    expect(overrideRules(outside, 60_000, tight)).toEqual(["area_not_eligible", "above_maximum_amount", "activity_in_past"]);
    expect(overrideRules(facts(), 50_000, tight)).toEqual([]);
    expect(overrideRules(facts({ activityDate: "2026-11-23" }), 1, context)).toEqual([]);
    expect(overrideRules(facts({ activityDate: null }), 1, context)).toEqual([]);
    expect(overrideRules(facts({ activityDate: "2026-11-22" }), 1, context)).toEqual(["activity_in_past"]);
  });

  it("refuses without a written override reason", () => {
    expect(decide(outside, approve(), reviewer, tight)).toEqual({
      ok: false,
      reason: "override_reason_required",
      rules: ["area_not_eligible", "above_maximum_amount", "activity_in_past"],
    });
    expect(decide(outside, approve({ overrideReason: "   " }), reviewer, tight)).toMatchObject({
      reason: "override_reason_required",
    });
  });

  it("approves with one, and keeps it in the audit entry", () => {
    const result = decide(outside, approve({ overrideReason: " Buurt grenst aan Kalsdonk " }), reviewer, tight);
    expect(result).toMatchObject({
      ok: true,
      status: "approved",
      effects: [
        {
          type: "audit",
          override: {
            rules: ["area_not_eligible", "above_maximum_amount", "activity_in_past"],
            reason: "Buurt grenst aan Kalsdonk",
          },
        },
        { type: "ledger", operation: "commit", cents: 60_000 },
        { type: "mail" },
      ],
    });
  });

  it("ignores an override reason when no rule is broken", () => {
    expect(decide(facts(), approve({ overrideReason: "Voor de zekerheid" }), reviewer, context)).toMatchObject({
      effects: [{ type: "audit", override: null }, {}, {}],
    });
  });
});

describe("four eyes: the confirmation re-checks the override rules on its own day", () => {
  // Issue 12: approved on Monday 23 November for an activity on Tuesday 24 November (no rule
  // broken that day); confirmed on Wednesday 25 November, when the activity has already been.
  const approvedMonday = facts({
    status: "awaiting_second_review",
    requestedCents: 400_000,
    grantedCents: 300_000,
    activityDate: "2026-11-24",
    firstApproverUserId: "rev2",
  });
  const wednesday = { ...context, today: "2026-11-25" };

  it("the first approval needed no override on its day", () => {
    const inReview = { ...approvedMonday, status: "in_review" as const, grantedCents: null, firstApproverUserId: null };
    expect(decide(inReview, { type: "approve", grantedCents: 300_000 }, ACTORS.fund_admin, context)).toMatchObject({
      ok: true,
      status: "awaiting_second_review",
      effects: [{ type: "audit", override: null }, {}],
    });
  });

  it("refuses a confirmation that steps outside a rule on the confirmation day without a written reason", () => {
    for (const overrideReason of [undefined, "  "]) {
      expect(decide(approvedMonday, { type: "confirm", overrideReason }, reviewer, wednesday)).toEqual({
        ok: false,
        reason: "override_reason_required",
        rules: ["activity_in_past"],
      });
    }
    // A maximum lowered since the first approval counts too.
    expect(decide(approvedMonday, { type: "confirm" }, reviewer, { ...context, maxAmountCents: 299_999 })).toEqual({
      ok: false,
      reason: "override_reason_required",
      rules: ["above_maximum_amount"],
    });
    // On the first approval's own day the same confirmation needs nothing.
    expect(decide(approvedMonday, { type: "confirm" }, reviewer, context)).toMatchObject({
      ok: true,
      effects: [{ type: "audit", override: null }, {}, {}],
    });
  });

  it("confirms with the second reviewer's own reason, kept in the audit entry", () => {
    expect(decide(approvedMonday, { type: "confirm", overrideReason: " Verslag volgt, feest was een dag eerder " }, reviewer, wednesday)).toEqual({
      ok: true,
      status: "approved",
      changes: {},
      effects: [
        {
          type: "audit",
          action: "confirm",
          from: "awaiting_second_review",
          to: "approved",
          actorUserId: "rev1",
          reason: null,
          override: { rules: ["activity_in_past"], reason: "Verslag volgt, feest was een dag eerder" },
        },
        { type: "ledger", operation: "commit", cents: 300_000 },
        { type: "mail", template: "decision", to: "applicant" },
      ],
    });
  });

  it("asks the second reviewer to sign an override the first reviewer already wrote", () => {
    const outsideArea = { ...approvedMonday, areaEligible: false, activityDate: "2026-12-12" };
    expect(decide(outsideArea, { type: "confirm" }, reviewer, context)).toEqual({
      ok: false,
      reason: "override_reason_required",
      rules: ["area_not_eligible"],
    });
  });
});

describe("timeline", () => {
  it.each([
    ["draft", null],
    ["submitted", "received"],
    ["in_review", "in_review"],
    ["needs_info", "in_review"],
    ["awaiting_second_review", "in_review"],
    ["approved", "decided"],
    ["declined", "decided"],
    ["paid", "paid"],
    ["report_due", "paid"],
    ["reported", "reported"],
    ["closed", "reported"],
    ["withdrawn", null],
    ["cancelled", "decided"],
  ] as const)("%s → %s", (status, stage) => {
    expect(timelineStage(status)).toBe(stage);
  });

  it("has five stages in order and four final statuses", () => {
    expect(TIMELINE_STAGES).toEqual(["received", "in_review", "decided", "paid", "reported"]);
    expect(FINAL_STATUSES).toEqual(["declined", "closed", "withdrawn", "cancelled"]);
  });

  it("no transition leaves a final status", () => {
    for (const transition of Object.values(TRANSITIONS)) {
      for (const status of FINAL_STATUSES) expect(transition.from).not.toContain(status);
    }
  });
});
