// onTimeSince: the earliest clock start still on time, the inverse of isOverdue that the queue's
// "late" filter and count use as one range condition on the stored clock start.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { amsterdamMidnight, isOverdue, onTimeSince, subtractWorkingDays } from "./workdays";

const at = (iso: string) => new Date(iso);

describe("subtractWorkingDays", () => {
  it("steps back over weekends and holidays; 0 stays on the day, even a Sunday", () => {
    expect(subtractWorkingDays("2026-11-22", 0)).toBe("2026-11-22");
    expect(subtractWorkingDays("2026-11-23", 1)).toBe("2026-11-20"); // Monday → Friday
    expect(subtractWorkingDays("2026-11-22", 1)).toBe("2026-11-20"); // Sunday → Friday
    expect(subtractWorkingDays("2026-11-27", 4)).toBe("2026-11-23");
    expect(subtractWorkingDays("2026-04-07", 1)).toBe("2026-04-03"); // over Eerste and Tweede Paasdag
    expect(subtractWorkingDays("2027-01-04", 2, { closingDays: ["2026-12-31"] })).toBe("2026-12-29"); // Nieuwjaarsdag, a closing day
  });
});

describe("amsterdamMidnight", () => {
  it("is 23:00 UTC the day before in winter time, 22:00 in summer time, also on the changeover Sundays", () => {
    expect(amsterdamMidnight("2026-11-23").toISOString()).toBe("2026-11-22T23:00:00.000Z");
    expect(amsterdamMidnight("2026-07-01").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(amsterdamMidnight("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z"); // summer time starts at 02:00
    expect(amsterdamMidnight("2026-03-30").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(amsterdamMidnight("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z"); // winter time starts at 03:00
    expect(amsterdamMidnight("2026-10-26").toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });
});

describe("onTimeSince", () => {
  it("on the due day itself a clock started on the first day is still on time; a millisecond earlier is late", () => {
    // Friday 27 November 2026 is the 5th working day after Friday 20 November.
    const dueDay = at("2026-11-27T12:00:00Z");
    const since = onTimeSince(dueDay);
    expect(since.toISOString()).toBe("2026-11-19T23:00:00.000Z"); // Friday 20 November 00:00 in Amsterdam
    expect(isOverdue(since, dueDay)).toBe(false);
    expect(isOverdue(new Date(since.getTime() - 1), dueDay)).toBe(true);
  });

  it("over a weekend the limit stands still: Saturday, Sunday and Monday share it, Tuesday moves it", () => {
    expect(onTimeSince(at("2026-11-28T12:00:00Z")).toISOString()).toBe("2026-11-22T23:00:00.000Z"); // Saturday → Mon 23 Nov
    expect(onTimeSince(at("2026-11-29T12:00:00Z")).toISOString()).toBe("2026-11-22T23:00:00.000Z"); // Sunday → Mon 23 Nov
    expect(onTimeSince(at("2026-11-30T08:00:00Z")).toISOString()).toBe("2026-11-22T23:00:00.000Z"); // Monday → Mon 23 Nov
    expect(onTimeSince(at("2026-12-01T08:00:00Z")).toISOString()).toBe("2026-11-23T23:00:00.000Z"); // Tuesday → Tue 24 Nov
  });

  it("skips holidays and closing days, and follows the target", () => {
    // Tuesday 7 April 2026: five working days back skips Eerste and Tweede Paasdag.
    expect(onTimeSince(at("2026-04-07T10:00:00Z")).toISOString()).toBe("2026-03-29T22:00:00.000Z"); // Mon 30 March
    expect(onTimeSince(at("2026-11-27T12:00:00Z"), 1).toISOString()).toBe("2026-11-25T23:00:00.000Z");
    expect(onTimeSince(at("2026-11-27T12:00:00Z"), 0).toISOString()).toBe("2026-11-26T23:00:00.000Z");
    expect(onTimeSince(at("2026-11-27T12:00:00Z"), 2, { closingDays: ["2026-11-26"] }).toISOString()).toBe("2026-11-23T23:00:00.000Z");
  });

  it("agrees with isOverdue for every start, moment, target and calendar", () => {
    const closingDays = ["2026-12-24", "2026-12-28", "2027-05-06"];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2031, 0, 1) }),
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom({}, { closingDays }, { liberationDay: "every_year" as const }),
        (start, elapsed, target, calendar) => {
          const clock = new Date(start);
          const now = new Date(start + elapsed);
          expect(isOverdue(clock, now, target, calendar)).toBe(clock < onTimeSince(now, target, calendar));
        },
      ),
      { numRuns: 500 },
    );
  });
});
