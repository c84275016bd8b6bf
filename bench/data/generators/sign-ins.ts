// Signing in: the bureau on most working days, supporters about once a week, partners now and
// then, and residents whenever a step of theirs needed it (collected by the lifecycle walk). Each
// sign-in leaves a used code (login_codes keeps them), a "user.signed_in" audit entry and, one in
// seven, a "session.signed_out" later; sessions that have not yet been purged (ended less than a
// day before the end of the window) are in the sessions table.
import { lifetimeFor, isStaff } from "../../../app/domain/session-policy";
import type { GenerationContext, Person, SignInEvent, TableGenerator } from "../context";
import { insertRows } from "../insert";
import { toJson } from "../../../db/json";
import type { Rng } from "../prng";

const DAY = 24 * 60 * 60 * 1000;
const CODE_LIFETIME_MS = 15 * 60 * 1000;

function schedule(ctx: GenerationContext, rng: Rng, person: Person, perWorkingDay: number): SignInEvent[] {
  const out: SignInEvent[] = [];
  for (let day = Math.max(ctx.from, person.createdAt); day < ctx.until; day += DAY) {
    const d = new Date(day);
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6 || !rng.chance(perWorkingDay)) continue;
    d.setUTCHours(7, rng.int(0, 150), rng.int(0, 59));
    if (d.getTime() < ctx.until) out.push({ at: d.getTime(), person, method: rng.chance(0.8) ? "code" : "link" });
  }
  return out;
}

export const signIns: TableGenerator = {
  name: "sign-ins",
  tables: ["login_codes", "sessions"],
  async run(ctx) {
    const rng = ctx.rng("sign-ins");
    const { reviewers, fundAdmins, supporters, partners } = ctx.people;
    const staff = [...new Set([...reviewers, ...fundAdmins])];
    const all = [
      ...ctx.signIns,
      ...staff.flatMap((p) => schedule(ctx, rng, p, 0.7)),
      ...supporters.flatMap((p) => schedule(ctx, rng, p, 0.2)),
      ...partners.flatMap((p) => schedule(ctx, rng, p, 0.05)),
    ].sort((a, b) => a.at - b.at);
    ctx.signIns = all;

    const codes = [];
    const sessions = [];
    for (const s of all) {
      const { person, at } = s;
      codes.push({
        id: rng.uuid(),
        email: person.email,
        code_hash: rng.hex(32),
        link_hash: rng.hex(32),
        ip: `192.0.2.${rng.int(1, 254)}`,
        attempts: rng.chance(0.1) ? 1 : 0,
        expires_at: new Date(at - 60_000 + CODE_LIFETIME_MS).toISOString(),
        used_at: new Date(at).toISOString(),
        created_at: new Date(at - rng.int(20, 180) * 1000).toISOString(),
      });
      ctx.audit.push({
        at,
        actorUserId: person.id,
        actorLabel: person.email,
        action: "user.signed_in",
        entityType: "user",
        entityId: person.id,
        before: null,
        after: { method: s.method },
      });
      const lifetime = lifetimeFor(person.roles);
      const signedOut = rng.chance(1 / 7) ? at + rng.int(5, 120) * 60_000 : null;
      if (signedOut !== null && signedOut < ctx.until) {
        ctx.audit.push({ at: signedOut, actorUserId: person.id, actorLabel: person.email, action: "session.signed_out", entityType: "user", entityId: person.id, before: null, after: null });
      }
      const expiresAt = at + lifetime.absoluteMs;
      const ended = Math.min(expiresAt, signedOut ?? Infinity);
      if (ended < ctx.until - DAY) continue; // purged by housekeeping
      const lastSeen = Math.min(ctx.until, at + rng.int(0, Math.min(lifetime.idleMs, lifetime.absoluteMs) / 60_000) * 60_000);
      sessions.push({
        id_hash: rng.hex(32),
        user_id: person.id,
        data: toJson<Record<string, unknown>>({ userId: person.id, staff: isStaff(person.roles) }),
        idle_ms: lifetime.idleMs,
        absolute_ms: lifetime.absoluteMs,
        created_at: new Date(at).toISOString(),
        last_seen_at: new Date(lastSeen).toISOString(),
        expires_at: new Date(expiresAt).toISOString(),
        revoked_at: signedOut !== null && signedOut < ctx.until ? new Date(signedOut).toISOString() : null,
      });
    }
    return { login_codes: await insertRows(ctx.db, "login_codes", codes), sessions: await insertRows(ctx.db, "sessions", sessions) };
  },
};
