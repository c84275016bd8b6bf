// Deletes what nobody can use any more: drafts whose link has expired (or that were sent as an
// application), sessions that ended more than a day ago, and rate-limit counts older than every window. Run from the mail worker's loop,
// at most once an hour per process; deleting twice from two processes is harmless.
import type { DB } from "~/services/db.server";
import { purgeDrafts } from "./drafts.server";
import { purgeRateLimits } from "./rate-limits.server";
import { purgeSessions } from "./sessions.server";

export const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;
const state = globalThis as unknown as { __housekeepingAt?: number };

export async function housekeeping(db: DB, now: Date, force = false): Promise<{ drafts: number; sessions: number; rateLimitEvents: number } | null> {
  if (!force && state.__housekeepingAt !== undefined && now.getTime() - state.__housekeepingAt < HOUSEKEEPING_INTERVAL_MS) return null;
  state.__housekeepingAt = now.getTime();
  return { drafts: await purgeDrafts(db, now), sessions: await purgeSessions(db, now), rateLimitEvents: await purgeRateLimits(db, now) };
}
