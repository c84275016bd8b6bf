import { describe, expect, it } from "vitest";
import { ACTIONS, PERMISSIONS, ROLES, can, type Action, type Actor, type Role } from "./permissions";

// The expected table, written out independently of PERMISSIONS: a = any, o = own,
// g = own organisation, . = not allowed. Columns: anonymous resident supporter reviewer fund_admin partner.
const EXPECTED: Record<Action, string> = {
  "application.submit": "a a a a a a",
  "application.view_own": ". o o . . .",
  "application.edit_own": ". o o . . .",
  "application.submit_on_behalf": ". . a . . .",
  "application.view_any": ". . . a a .",
  "application.take": ". . . a a .",
  "application.review": ". . . a a .",
  "application.ask_question": ". . . a a .",
  "application.decide": ". . . a a .",
  "application.confirm_four_eyes": ". . . a a .",
  "application.assign": ". . . . a .",
  "pots.manage": ". . . . a .",
  "budget.view": ". . . a a .",
  "payment.record": ". . . . a .",
  "report.accept": ". . . a a .",
  "partner_dashboard.view": ". . . . a g",
  export: ". . . . a .",
  "personal_data.erase": ". . . . a .",
  "users.manage": ". . . . a .",
  "reference_data.manage": ". . . . a .",
  "outbox.manage": ". . . . a .",
  "bureau.access": ". . . a a .",
};

function actorWith(role: Role): Actor {
  return role === "anonymous" ? { userId: null, roles: [] } : { userId: "u1", roles: [role], organisationId: "org1" };
}

const MINE = { ownerUserIds: ["u1", null], organisationId: "org1" };
const THEIRS = { ownerUserIds: ["u2", null], organisationId: "org2" };

describe("the whole table", () => {
  it("lists every action exactly once", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
    expect(ROLES).toEqual(["anonymous", "resident", "supporter", "reviewer", "fund_admin", "partner"]);
  });

  for (const action of ACTIONS) {
    EXPECTED[action].split(" ").forEach((cell, column) => {
      const role = ROLES[column]!;
      const actor = actorWith(role);
      const denied = role === "anonymous" ? "not_signed_in" : "role_not_allowed";
      const expectMine = cell === "." ? { allowed: false, reason: denied } : { allowed: true };
      const expectTheirs =
        cell === "a"
          ? { allowed: true }
          : cell === "o"
            ? { allowed: false, reason: "not_own" }
            : cell === "g"
              ? { allowed: false, reason: "not_own_organisation" }
              : { allowed: false, reason: denied };

      it(`${role} × ${action}: ${cell}`, () => {
        expect(can(actor, action)).toEqual(expectMine);
        expect(can(actor, action, MINE)).toEqual(expectMine);
        expect(can(actor, action, THEIRS)).toEqual(expectTheirs);
      });
    });
  }
});

describe("can", () => {
  it("allows when any of several roles allows", () => {
    const both: Actor = { userId: "u1", roles: ["partner", "fund_admin"] };
    expect(can(both, "pots.manage")).toEqual({ allowed: true });
    expect(can(both, "partner_dashboard.view", THEIRS)).toEqual({ allowed: true });
    const residentReviewer: Actor = { userId: "u1", roles: ["resident", "reviewer"] };
    expect(can(residentReviewer, "application.view_own", THEIRS)).toEqual({ allowed: false, reason: "not_own" });
    expect(can(residentReviewer, "application.view_any", THEIRS)).toEqual({ allowed: true });
  });

  it("treats a signed-out actor as anonymous, whatever roles it claims", () => {
    const ghost: Actor = { userId: null, roles: ["fund_admin"] };
    expect(can(ghost, "pots.manage")).toEqual({ allowed: false, reason: "not_signed_in" });
    expect(can(ghost, "application.submit")).toEqual({ allowed: true });
  });

  it("gives a signed-in user without roles what anonymous may do", () => {
    const plain: Actor = { userId: "u1", roles: [] };
    expect(can(plain, "application.submit")).toEqual({ allowed: true });
    expect(can(plain, "application.view_own", MINE)).toEqual({ allowed: false, reason: "role_not_allowed" });
  });

  it("needs an organisation on both sides for own_organisation", () => {
    const partner: Actor = { userId: "u1", roles: ["partner"] };
    const orphan = { organisationId: null };
    const refused = { allowed: false, reason: "not_own_organisation" };
    expect(can(partner, "partner_dashboard.view", orphan)).toEqual(refused);
    expect(can(partner, "partner_dashboard.view", {})).toEqual(refused);
    expect(can({ ...partner, organisationId: null }, "partner_dashboard.view", orphan)).toEqual(refused);
    expect(can({ ...partner, organisationId: "org1" }, "partner_dashboard.view", { organisationId: "org1" })).toEqual({
      allowed: true,
    });
  });

  it("needs the user among the owners for own", () => {
    const resident: Actor = { userId: "u1", roles: ["resident"] };
    expect(can(resident, "application.edit_own", {})).toEqual({ allowed: false, reason: "not_own" });
    expect(can(resident, "application.edit_own", { ownerUserIds: ["u9", "u1"] })).toEqual({ allowed: true });
    expect(can(resident, "application.edit_own", { organisationId: "org1" })).toEqual({
      allowed: false,
      reason: "not_own",
    });
  });

  it("keeps the table free of roles beyond ROLES", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });
});
