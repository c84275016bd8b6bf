import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES, type ApplicationStatus } from "./lifecycle";
import { checkJudgements, hasConflict, mayAssign, mayDeclareConflict, mayReview, type WorkFacts } from "./review";
import type { Actor } from "./permissions";

const facts = (status: ApplicationStatus = "in_review"): WorkFacts => ({ status, applicantUserId: "applicant", submittedByUserId: "helper" });
const reviewer: Actor = { userId: "rev", roles: ["reviewer"] };
const admin: Actor = { userId: "admin", roles: ["fund_admin"] };
const resident: Actor = { userId: "res", roles: ["resident"] };
const anonymous: Actor = { userId: null, roles: [] };

describe("a conflict of interest", () => {
  it("is declared by a bureau member, once, on anything that has arrived", () => {
    expect(mayDeclareConflict(facts(), reviewer, [])).toBeNull();
    expect(mayDeclareConflict(facts("approved"), admin, ["rev"])).toBeNull();
    expect(mayDeclareConflict(facts(), reviewer, ["rev"])).toEqual({ ok: false, reason: "conflict_already_declared" });
    expect(mayDeclareConflict(facts("draft"), reviewer, [])).toEqual({ ok: false, reason: "not_allowed_in_status", status: "draft" });
    expect(mayDeclareConflict(facts(), resident, [])).toEqual({ ok: false, reason: "role_not_allowed" });
    expect(mayDeclareConflict(facts(), anonymous, [])).toEqual({ ok: false, reason: "not_signed_in" });
  });

  it("closes the file to the one who declared it, and to nobody else", () => {
    expect(hasConflict(reviewer, ["rev"])).toBe(true);
    expect(hasConflict(reviewer, ["other"])).toBe(false);
    expect(hasConflict(anonymous, ["rev"])).toBe(false);
  });
});

describe("judging the factors", () => {
  it("happens only in review", () => {
    const allowed = APPLICATION_STATUSES.filter((status) => mayReview(facts(status), reviewer, []) === null);
    expect(allowed).toEqual(["in_review"]);
    expect(mayReview(facts("approved"), reviewer, [])).toEqual({ ok: false, reason: "not_allowed_in_status", status: "approved" });
  });

  it("is refused to the involved, the applicant side and those without the role", () => {
    expect(mayReview(facts(), reviewer, ["rev"])).toEqual({ ok: false, reason: "conflict_of_interest" });
    expect(mayReview(facts(), { userId: "applicant", roles: ["reviewer"] }, [])).toEqual({ ok: false, reason: "conflict_of_interest" });
    expect(mayReview(facts(), { userId: "helper", roles: ["reviewer"] }, [])).toEqual({ ok: false, reason: "conflict_of_interest" });
    expect(mayReview({ ...facts(), submittedByUserId: null }, reviewer, [])).toBeNull();
    expect(mayReview(facts(), resident, [])).toEqual({ ok: false, reason: "role_not_allowed" });
    expect(mayReview(facts(), anonymous, [])).toEqual({ ok: false, reason: "not_signed_in" });
  });

  it("covers every declared factor once; others are added by the bureau", () => {
    const j = (factorId: string) => ({ factorId, judgement: "strong" as const, motivation: "Goed" });
    expect(checkJudgements(["a", "b"], [j("a"), j("b")])).toEqual({ ok: true, added: [] });
    expect(checkJudgements(["a"], [j("a"), j("c")])).toEqual({ ok: true, added: ["c"] });
    expect(checkJudgements(["a", "b"], [j("a")])).toEqual({ ok: false, reason: "factor_not_judged", factorId: "b" });
    expect(checkJudgements(["a"], [j("a"), j("c"), j("c")])).toEqual({ ok: false, reason: "factor_judged_twice", factorId: "c" });
  });
});

describe("assigning", () => {
  const to = { userId: "rev", roles: ["reviewer"] as const };
  it("is the fund administrator's, from arrival until the decision", () => {
    const allowed = APPLICATION_STATUSES.filter((status) => mayAssign(facts(status), admin, to, []) === null);
    expect(allowed).toEqual(["submitted", "in_review", "needs_info", "awaiting_second_review"]);
    expect(mayAssign(facts("declined"), admin, to, [])).toEqual({ ok: false, reason: "not_allowed_in_status", status: "declined" });
    expect(mayAssign(facts(), reviewer, to, [])).toEqual({ ok: false, reason: "role_not_allowed" });
    expect(mayAssign(facts(), anonymous, to, [])).toEqual({ ok: false, reason: "not_signed_in" });
  });

  it("goes only to a reviewer who is not involved", () => {
    expect(mayAssign(facts(), admin, { userId: "res", roles: ["resident"] }, [])).toEqual({ ok: false, reason: "assignee_not_reviewer" });
    expect(mayAssign(facts(), admin, to, ["rev"])).toEqual({ ok: false, reason: "assignee_conflict" });
    expect(mayAssign(facts(), admin, { userId: "applicant", roles: ["reviewer"] }, [])).toEqual({ ok: false, reason: "assignee_conflict" });
    expect(mayAssign(facts(), admin, { userId: "admin", roles: ["fund_admin"] }, [])).toBeNull();
  });
});
