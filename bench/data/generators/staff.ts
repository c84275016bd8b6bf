// The bureau and its helpers, scaled to the number of applications: a reviewer per 5,000
// applications (at least three), a fund administrator per 25,000 (at least one), a supporter per
// 1,000 (at least two), and a partner organisation per focus area. The demo's addresses come
// first, so `fondsbeheer@example.org` and the others can sign in on a generated data set too.
import { DEMO_USERS } from "../../../db/seed";
import type { Role } from "../../../app/domain/permissions";
import type { Person, TableGenerator } from "../context";
import { personName, writePeople } from "../people";

export const staff: TableGenerator = {
  name: "staff",
  tables: ["users", "user_roles"],
  async run(ctx) {
    const rng = ctx.rng("staff");
    const n = ctx.options.applications;
    const start = ctx.from - 30 * 24 * 60 * 60 * 1000;
    const made: Person[] = [];
    const person = (email: string, name: string, roles: Role[], organisationId: string | null = null): Person => {
      // Staff join over the first year; the demo's people were there from the start.
      const joined = made.length < DEMO_USERS.length ? start : start + rng.int(0, 365) * 24 * 60 * 60 * 1000;
      const p: Person = { id: rng.uuid(), email, name, roles, organisationId, createdAt: joined };
      made.push(p);
      return p;
    };
    for (const u of DEMO_USERS) {
      if (u.roles.includes("resident" as never)) continue; // residents come with their applications
      const organisationId = "organisationId" in u ? u.organisationId : null;
      const p = person(u.email, u.name, [...u.roles], organisationId);
      sortInto(ctx.people, p);
    }
    const target = { reviewer: Math.max(3, Math.round(n / 5000)), fund_admin: Math.max(1, Math.round(n / 25000)), supporter: Math.max(2, Math.round(n / 1000)), partner: 20 };
    const have = () => ({
      reviewer: ctx.people.reviewers.filter((p) => !p.roles.includes("fund_admin")).length,
      fund_admin: ctx.people.fundAdmins.length,
      supporter: ctx.people.supporters.length,
      partner: ctx.people.partners.length,
    });
    for (const role of ["reviewer", "fund_admin", "supporter", "partner"] as const) {
      for (let i = have()[role]; i < target[role]; i++) {
        const roles: Role[] = role === "fund_admin" ? ["fund_admin", "reviewer"] : [role];
        const org = role === "partner" ? `partner-${i + 1}` : null;
        sortInto(ctx.people, person(`${role.replace("_", "-")}.${i + 1}@bureau.example.org`, personName(rng), roles, org));
      }
    }
    return writePeople(ctx, made, "system");
  },
};

function sortInto(people: { reviewers: Person[]; fundAdmins: Person[]; supporters: Person[]; partners: Person[] }, p: Person): void {
  if (p.roles.includes("reviewer")) people.reviewers.push(p);
  if (p.roles.includes("fund_admin")) people.fundAdmins.push(p);
  if (p.roles.includes("supporter")) people.supporters.push(p);
  if (p.roles.includes("partner")) people.partners.push(p);
}
