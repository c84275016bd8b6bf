import { amsterdamDate as domainAmsterdamDate } from "~/domain/workdays";

// One clock for the server. Models never read the time themselves: they are given `now`,
// so tests pass the instant they need instead of waiting for it.
export function now(): Date {
  return new Date();
}

/** The calendar date in Europe/Amsterdam ("YYYY-MM-DD"); the rule itself lives in domain/workdays. */
export function amsterdamDate(instant: Date = now()): string {
  return domainAmsterdamDate(instant);
}
