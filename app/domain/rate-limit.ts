// Budgets for things a visitor can repeat: sign-in mails, wrong sign-in codes, applications and
// drafts. A budget is a set of sliding windows ("at most 10 in any hour and 20 in any day"); the
// next try is allowed while every window holds fewer than its maximum. Longer windows make the
// wait grow as the tries pile up: minutes, then an hour, a day, a week, a month.
// The arithmetic behind the sign-in numbers is in docs/decisions/050-rate-limits-and-lockouts.md.

export type Window = { ms: number; max: number };
export type Verdict = { allowed: true } | { allowed: false; retryAt: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const BUDGETS = {
  /** Sign-in mails to one address: the newest mail's link (15 minutes) always still works when this says no. */
  "sign_in.mail.address": [{ ms: 15 * MINUTE, max: 5 }],
  /** A community centre's wifi or the bureau behind one address serves many people. */
  "sign_in.mail.ip": [{ ms: 15 * MINUTE, max: 50 }],
  /** Wrong codes typed for one address, whoever types them. */
  "sign_in.failure.address": [
    { ms: HOUR, max: 10 },
    { ms: DAY, max: 20 },
    { ms: 7 * DAY, max: 30 },
    { ms: 30 * DAY, max: 50 },
  ],
  /** At most one "your code path was paused" mail a day, however often it is paused. */
  "sign_in.lock_mail.address": [{ ms: DAY, max: 1 }],
  /** Applications and drafts: one evening at a community centre may bring many from one IP address. */
  "application.ip": [
    { ms: HOUR, max: 60 },
    { ms: DAY, max: 200 },
  ],
  "application.user": [
    { ms: HOUR, max: 30 },
    { ms: DAY, max: 100 },
  ],
  "application.address": [
    { ms: HOUR, max: 3 },
    { ms: DAY, max: 10 },
  ],
  "draft.ip": [
    { ms: HOUR, max: 60 },
    { ms: DAY, max: 200 },
  ],
  "draft.address": [
    { ms: HOUR, max: 3 },
    { ms: DAY, max: 10 },
  ],
} as const satisfies Record<string, readonly Window[]>;

export type Bucket = keyof typeof BUDGETS;

/** The longest window: older events never matter again and may be deleted. */
export function longestWindowMs(windows: readonly Window[]): number {
  return Math.max(0, ...windows.map((w) => w.ms));
}

/**
 * May one more event happen at `now`, given the times (epoch ms) of the events counted so far?
 * When not, `retryAt` is the first moment every window has room again.
 * An event later than `now` counts too: requests read the clock before they wait their turn, so
 * the one served second may carry the earlier time (and another server's clock may run ahead).
 */
export function budgetVerdict(times: readonly number[], windows: readonly Window[], now: number): Verdict {
  let retryAt = -Infinity;
  for (const w of windows) {
    const inWindow = times.filter((t) => t > now - w.ms).sort((a, b) => a - b);
    if (inWindow.length < w.max) continue;
    // The window has room again once all but max - 1 of its events have aged out.
    retryAt = Math.max(retryAt, inWindow[inWindow.length - w.max]! + w.ms);
  }
  return retryAt === -Infinity ? { allowed: true } : { allowed: false, retryAt };
}

/** The most events the budget allows in any stretch of `periodMs`: each window caps it on its own. */
export function maxEventsIn(periodMs: number, windows: readonly Window[]): number {
  return Math.min(...windows.map((w) => w.max * Math.ceil(periodMs / w.ms)));
}
