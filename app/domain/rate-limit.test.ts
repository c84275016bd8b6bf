import { describe, expect, it } from "vitest";
import { BUDGETS, budgetVerdict, longestWindowMs, maxEventsIn, type Window } from "./rate-limit";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

describe("budgetVerdict", () => {
  const perHour: Window[] = [{ ms: HOUR, max: 3 }];

  it("allows while the window holds fewer than its maximum", () => {
    expect(budgetVerdict([], perHour, 0)).toEqual({ allowed: true });
    expect(budgetVerdict([1, 2], perHour, 10)).toEqual({ allowed: true });
  });

  it("refuses at the maximum, until the oldest event has aged out", () => {
    const times = [1000, 2000, 3000];
    expect(budgetVerdict(times, perHour, 4000)).toEqual({ allowed: false, retryAt: 1000 + HOUR });
    // One millisecond before, still refused; at that instant the oldest no longer counts.
    expect(budgetVerdict(times, perHour, 1000 + HOUR - 1)).toEqual({ allowed: false, retryAt: 1000 + HOUR });
    expect(budgetVerdict(times, perHour, 1000 + HOUR)).toEqual({ allowed: true });
  });

  it("with more events than the maximum, waits until enough of them have aged out (in any order)", () => {
    expect(budgetVerdict([5000, 1000, 4000, 3000, 2000], perHour, 6000)).toEqual({ allowed: false, retryAt: 3000 + HOUR });
  });

  it("ignores events that have aged out of the window", () => {
    expect(budgetVerdict([0, 1, 2], perHour, HOUR + 5)).toEqual({ allowed: true });
    expect(budgetVerdict([HOUR, HOUR + 1, HOUR + 2], perHour, HOUR + 2)).toEqual({ allowed: false, retryAt: 2 * HOUR });
  });

  it("counts events later than now: the request served first may have read the clock last", () => {
    expect(budgetVerdict([10, 20, 30], perHour, 5)).toEqual({ allowed: false, retryAt: 10 + HOUR });
    expect(budgetVerdict([4, 20], perHour, 5)).toEqual({ allowed: true });
  });

  it("takes the longest wait over all windows, so the back-off grows", () => {
    const windows: Window[] = [
      { ms: HOUR, max: 2 },
      { ms: DAY, max: 3 },
    ];
    // Two in the last hour: wait for the hour only.
    expect(budgetVerdict([10 * HOUR, 10 * HOUR + 1], windows, 10 * HOUR + 2)).toEqual({ allowed: false, retryAt: 11 * HOUR });
    // Three today: wait until the first of them is a day old, although the hour window has room.
    expect(budgetVerdict([0, 5 * HOUR, 10 * HOUR], windows, 12 * HOUR)).toEqual({ allowed: false, retryAt: DAY });
    // Both full: the later of the two.
    expect(budgetVerdict([0, 12 * HOUR, 12 * HOUR + 1], windows, 12 * HOUR + 2)).toEqual({ allowed: false, retryAt: DAY });
    expect(budgetVerdict([20 * HOUR, 23 * HOUR, 23 * HOUR + 1], windows, 23 * HOUR + 2)).toEqual({ allowed: false, retryAt: 20 * HOUR + DAY });
  });
});

describe("the budgets", () => {
  it("know their longest window", () => {
    expect(longestWindowMs(BUDGETS["sign_in.failure.address"])).toBe(30 * DAY);
    expect(longestWindowMs([])).toBe(0);
  });

  it("bound the events in a period by each window", () => {
    expect(maxEventsIn(DAY, [{ ms: HOUR, max: 10 }])).toBe(240);
    expect(maxEventsIn(DAY + 1, [{ ms: DAY, max: 20 }])).toBe(40);
    expect(
      maxEventsIn(DAY, [
        { ms: HOUR, max: 10 },
        { ms: DAY, max: 20 },
      ]),
    ).toBe(20);
  });

  it("keep a year of guessing one address's 6-digit codes below 0.1 % success", () => {
    // Each guess is against the newest code only: one chance in a million.
    const guesses = maxEventsIn(YEAR, BUDGETS["sign_in.failure.address"]);
    expect(guesses).toBe(650);
    expect(guesses / 1_000_000).toBeLessThan(0.001);
  });

  it("never refuse a sign-in mail unless a mail with a working link (15 minutes) went out just before", () => {
    for (const w of BUDGETS["sign_in.mail.address"]) expect(w.ms).toBeLessThanOrEqual(15 * MIN);
  });
});
