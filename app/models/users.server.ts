// Users are found by e-mail address. A resident's account is made the first time they sign in,
// which proves they own the address; applying needs no account, so it makes none.
import type { DB, Tx } from "~/services/db.server";
import type { Actor, Role } from "~/domain/permissions";
import { newId } from "~/services/tokens.server";
import { writeAudit, type AuditActor } from "./audit.server";

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
    roles: roles.map((r) => r.role),
    organisationId: user.organisation_id,
  };
}

export async function findUserIdByEmail(db: DB, email: string): Promise<string | null> {
  const row = await db.selectFrom("users").select("id").where("email", "=", normaliseEmail(email)).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Finds the user with this address or creates a resident; returns the id and whether it is new.
 * Only for an address just proven by a sign-in code or link. Call inside the caller's transaction.
 */
export async function findOrCreateResident(trx: Tx, email: string, name: string, at: string): Promise<{ id: string; created: boolean }> {
  const address = normaliseEmail(email);
  const existing = await findUserIdByEmail(trx, address);
  if (existing) return { id: existing, created: false };
  const id = newId();
  await trx.insertInto("users").values({ id, email: address, name, organisation_id: null, created_at: at }).execute();
  await trx.insertInto("user_roles").values({ user_id: id, role: "resident" }).execute();
  await writeAudit(trx, {
    at,
    actor: { userId: id, label: address },
    action: "user.created",
    entityType: "user",
    entityId: id,
    before: null,
    after: { roles: ["resident"], via: "sign_in" },
  });
  return { id, created: true };
}

/** An account made by the bureau (or the seed): `by` is who made it, "system" when no person did. */
export async function createUser(
  trx: Tx,
  user: { email: string; name: string; roles: Role[]; organisationId?: string | null; at: string; by?: AuditActor },
): Promise<string> {
  const id = newId();
  await trx
    .insertInto("users")
    .values({ id, email: normaliseEmail(user.email), name: user.name, organisation_id: user.organisationId ?? null, created_at: user.at })
    .execute();
  for (const role of user.roles) await trx.insertInto("user_roles").values({ user_id: id, role }).execute();
  await writeAudit(trx, {
    at: user.at,
    actor: user.by ?? { userId: null, label: "system" },
    action: "user.created",
    entityType: "user",
    entityId: id,
    before: null,
    after: { roles: user.roles, organisationId: user.organisationId ?? null },
  });
  return id;
}
