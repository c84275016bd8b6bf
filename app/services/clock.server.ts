import { amsterdamDate as domainAmsterdamDate } from "~/domain/workdays";

// One clock for the whole server, so tests can move time instead of waiting for it.
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

export function nowIso(): string {
  return now().toISOString();
}

/** Test hook: shift the clock forward (or back) by a number of milliseconds. */
export function shiftClock(ms: number): void {
  offsetMs += ms;
}

export function resetClock(): void {
  offsetMs = 0;
}

/** The calendar date in Europe/Amsterdam ("YYYY-MM-DD"); the rule itself lives in domain/workdays. */
export function amsterdamDate(instant: Date = now()): string {
  return domainAmsterdamDate(instant);
}
