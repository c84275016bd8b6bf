// How long a signed-in session lasts. Staff (the bureau, supporters, partners) see residents'
// personal data, so their sessions end sooner: after 2 hours without use and after 12 hours in
// all (one working day). Residents see only their own applications: 7 days idle, 30 days in all.
// Times are milliseconds since the epoch, so this stays free of clocks and dates.
import type { Role } from "./permissions";

export type SessionLifetime = { idleMs: number; absoluteMs: number };

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const STAFF_LIFETIME: SessionLifetime = { idleMs: 2 * HOUR, absoluteMs: 12 * HOUR };
export const RESIDENT_LIFETIME: SessionLifetime = { idleMs: 7 * DAY, absoluteMs: 30 * DAY };
/** "Last seen" is written at most this often, so reading a page rarely costs a write. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

const STAFF_ROLES: readonly Role[] = ["reviewer", "fund_admin", "supporter", "partner"];

export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((role) => STAFF_ROLES.includes(role));
}

export function lifetimeFor(roles: readonly Role[]): SessionLifetime {
  return isStaff(roles) ? STAFF_LIFETIME : RESIDENT_LIFETIME;
}

export type SessionTimes = { createdAt: number; lastSeenAt: number; idleMs: number; absoluteMs: number; revokedAt: number | null };

/** Whether the session may still be used at `now`, and if not, why. */
export function sessionState(s: SessionTimes, now: number): "active" | "revoked" | "idle" | "expired" {
  if (s.revokedAt !== null) return "revoked";
  if (now >= s.createdAt + s.absoluteMs) return "expired";
  if (now >= s.lastSeenAt + s.idleMs) return "idle";
  return "active";
}

/** Whether this use should move "last seen" forward. */
export function needsTouch(lastSeenAt: number, now: number): boolean {
  return now - lastSeenAt >= TOUCH_INTERVAL_MS;
}
