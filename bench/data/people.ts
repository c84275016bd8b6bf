// Writing people: a users row, a user_roles row per role, and the "user.created" audit entry the
// app writes (db/seed.ts and models/users.server.ts make staff as "system"; a resident's account
// is made at their first sign-in, by themselves).
import type { GenerationContext, Person } from "./context";
import type { Rng } from "./prng";
import { insertRows } from "./insert";
import { FIRST_NAMES, LAST_NAMES } from "./words";

export function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

export async function writePeople(ctx: GenerationContext, people: readonly Person[], madeBy: "system" | "self"): Promise<{ users: number; user_roles: number }> {
  const users = await insertRows(
    ctx.db,
    "users",
    people.map((p) => ({ id: p.id, email: p.email, name: p.name, organisation_id: p.organisationId, created_at: new Date(p.createdAt).toISOString() })),
  );
  const roles = await insertRows(
    ctx.db,
    "user_roles",
    people.flatMap((p) => p.roles.map((role) => ({ user_id: p.id, role }))),
  );
  for (const p of people) {
    ctx.audit.push({
      at: p.createdAt,
      actorUserId: madeBy === "self" ? p.id : null,
      actorLabel: madeBy === "self" ? p.email : "system",
      action: "user.created",
      entityType: "user",
      entityId: p.id,
      before: null,
      after: madeBy === "self" ? { roles: p.roles, via: "sign_in" } : { roles: p.roles, organisationId: p.organisationId },
    });
  }
  return { users, user_roles: roles };
}
