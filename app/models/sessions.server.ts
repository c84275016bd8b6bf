// Server-side sessions. The cookie holds a random id; only its hash is stored, with the session's
// values, its lifetimes, and when it was revoked. Reading checks revocation, idle time and the
// absolute lifetime (domain/session-policy), so a copied cookie stops working after sign-out.
import type { DB } from "~/services/db.server";
import { hashToken } from "~/services/tokens.server";
import { needsTouch, sessionState, type SessionLifetime } from "~/domain/session-policy";
import { writeAudit, type AuditActor } from "./audit.server";
import { parseJson, toJson } from "../../db/json";

export type SessionValues = Record<string, unknown>;

function userIdOf(data: SessionValues): string | null {
  return typeof data.userId === "string" ? data.userId : null;
}

export async function createSession(db: DB, id: string, data: SessionValues, lifetime: SessionLifetime, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto("sessions")
    .values({
      id_hash: hashToken(id),
      user_id: userIdOf(data),
      data: toJson(data),
      idle_ms: lifetime.idleMs,
      absolute_ms: lifetime.absoluteMs,
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(now.getTime() + lifetime.absoluteMs).toISOString(),
      revoked_at: null,
    })
    .execute();
}

/** The session's values, or null when it does not exist, was revoked, or has run out. */
export async function readSession(db: DB, id: string, now: Date): Promise<SessionValues | null> {
  const row = await db.selectFrom("sessions").selectAll().where("id_hash", "=", hashToken(id)).executeTakeFirst();
  if (!row) return null;
  const lastSeenAt = Date.parse(row.last_seen_at);
  const state = sessionState(
    {
      createdAt: Date.parse(row.created_at),
      lastSeenAt,
      idleMs: row.idle_ms,
      absoluteMs: row.absolute_ms,
      revokedAt: row.revoked_at ? Date.parse(row.revoked_at) : null,
    },
    now.getTime(),
  );
  if (state !== "active") return null;
  if (needsTouch(lastSeenAt, now.getTime())) {
    await db.updateTable("sessions").set({ last_seen_at: now.toISOString() }).where("id_hash", "=", row.id_hash).execute();
  }
  const data: unknown = parseJson(row.data);
  return data && typeof data === "object" ? (data as SessionValues) : {};
}

/** Stores new values; a revoked session stays revoked (its values are not brought back). */
export async function updateSession(db: DB, id: string, data: SessionValues): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ data: toJson(data), user_id: userIdOf(data) })
    .where("id_hash", "=", hashToken(id))
    .where("revoked_at", "is", null)
    .execute();
}

export async function revokeSession(db: DB, id: string, now: Date): Promise<void> {
  await db.updateTable("sessions").set({ revoked_at: now.toISOString() }).where("id_hash", "=", hashToken(id)).where("revoked_at", "is", null).execute();
}

/** Sign-out: this session ends, and the audit log says who signed out. */
export async function signOutSession(db: DB, id: string, actor: AuditActor, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await revokeSession(trx, id, now);
    if (actor.userId) {
      await writeAudit(trx, { at: now.toISOString(), actor, action: "session.signed_out", entityType: "user", entityId: actor.userId });
    }
  });
}

/** "Sign out on all devices": every session of this user ends. Returns how many were open. */
export async function signOutEverywhere(db: DB, userId: string, actor: AuditActor, now: Date): Promise<number> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const result = await trx.updateTable("sessions").set({ revoked_at: at }).where("user_id", "=", userId).where("revoked_at", "is", null).executeTakeFirst();
    const ended = Number(result.numUpdatedRows);
    await writeAudit(trx, { at, actor, action: "session.signed_out_everywhere", entityType: "user", entityId: userId, after: { ended } });
    return ended;
  });
}

/** Removes sessions that ended more than a day ago (kept that long for the helpdesk). */
export async function purgeSessions(db: DB, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString();
  const result = await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<", cutoff), eb("revoked_at", "<", cutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
