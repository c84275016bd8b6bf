// How long the outbox keeps trying a mail, and what becomes of a mail that cannot be delivered.
// Delivery is at least once (docs/decisions/030-mail-delivery-at-least-once.md).
//
// Rules in plain words:
// - A failed try is retried after 30 s, then twice as long each time, at most one hour apart.
// - After the 20th failed try the mail is a dead letter: the fund administrator sees it and can
//   send it again. That is about 13 hours of trying.
// - A mail with an end date (a sign-in code works 15 minutes) is never tried after that date and
//   never becomes a dead letter: it is dropped as "expired", since sending it later helps nobody.

export const MAX_DELIVERY_ATTEMPTS = 20;
export const FIRST_RETRY_MS = 30_000;
export const LONGEST_RETRY_MS = 3_600_000;

/** The wait after the given number of failed tries (1 = the first failure). */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (Math.max(1, failedAttempts) - 1), LONGEST_RETRY_MS);
}

export type FailureOutcome = { status: "pending"; nextAttemptAt: Date } | { status: "failed" } | { status: "expired" };

/** What a mail becomes after a failed try; `attempts` counts that try. */
export function afterFailedAttempt(input: { attempts: number; at: Date; expiresAt: Date | null }): FailureOutcome {
  const next = new Date(input.at.getTime() + retryDelayMs(input.attempts));
  if (input.expiresAt && next >= input.expiresAt) return { status: "expired" };
  if (input.attempts >= MAX_DELIVERY_ATTEMPTS) return input.expiresAt ? { status: "expired" } : { status: "failed" };
  return { status: "pending", nextAttemptAt: next };
}

/** An address as staff screens and logs show it: the first letter and the domain ("b…@example.org"). */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return "…";
  return `${address.slice(0, 1)}…${address.slice(at)}`;
}
