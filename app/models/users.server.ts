// Users are found by e-mail address; a resident's account is made the first time they sign in or apply.
import type { DB } from "~/services/db.server";
import type { Actor, Role } from "~/domain/permissions";
import { newId } from "~/services/tokens.server";

export type User = { id: string; email: string; name: string; roles: Role[]; organisationId: string | null };

/** The user as the permission table and the lifecycle see them; null is an anonymous visitor. */
export function actorOf(user: User | null): Actor {
  return user ? { userId: user.id, roles: user.roles, organisationId: user.organisationId } : { userId: null, roles: [] };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function getUserById(db: DB, id: string): Promise<User | null> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  if (!user) return null;
  const roles = await db.selectFrom("user_roles").select("role").where("user_id", "=", id).execute();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: roles.map((r) => r.role as Role),
    organisationId: user.organisation_id,
  };
}

/** Finds the user with this address or creates a resident; returns the id. Call inside the caller's transaction. */
export async function findOrCreateResident(trx: DB, email: string, name: string, at: string): Promise<string> {
  const address = normaliseEmail(email);
  const existing = await trx.selectFrom("users").select("id").where("email", "=", address).executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  await trx.insertInto("users").values({ id, email: address, name, organisation_id: null, created_at: at }).execute();
  await trx.insertInto("user_roles").values({ user_id: id, role: "resident" }).execute();
  return id;
}

export async function createUser(
  trx: DB,
  user: { email: string; name: string; roles: Role[]; organisationId?: string | null; at: string },
): Promise<string> {
  const id = newId();
  await trx
    .insertInto("users")
    .values({ id, email: normaliseEmail(user.email), name: user.name, organisation_id: user.organisationId ?? null, created_at: user.at })
    .execute();
  for (const role of user.roles) await trx.insertInto("user_roles").values({ user_id: id, role }).execute();
  return id;
}
