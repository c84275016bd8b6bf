import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  DEFAULT_TARGET_WORKING_DAYS,
  addDays,
  addWorkingDays,
  amsterdamDate,
  amsterdamOffsetHours,
  dueDate,
  easterSunday,
  isOverdue,
  isWorkingDay,
  publicHolidays,
  workingDaysAge,
  workingDaysBetween,
} from "./workdays";

const at = (iso: string) => new Date(iso);

describe("public holidays 2026–2030, as published (Bevrijdingsdag in lustrum years)", () => {
  it.each([
    [
      2026,
      [
        ["2026-01-01", "new_years_day"],
        ["2026-04-05", "easter_sunday"],
        ["2026-04-06", "easter_monday"],
        ["2026-04-27", "kings_day"],
        ["2026-05-14", "ascension_day"],
        ["2026-05-24", "whit_sunday"],
        ["2026-05-25", "whit_monday"],
        ["2026-12-25", "christmas_day"],
        ["2026-12-26", "boxing_day"],
      ],
    ],
    [
      2027,
      [
        ["2027-01-01", "new_years_day"],
        ["2027-03-28", "easter_sunday"],
        ["2027-03-29", "easter_monday"],
        ["2027-04-27", "kings_day"],
        ["2027-05-06", "ascension_day"],
        ["2027-05-16", "whit_sunday"],
        ["2027-05-17", "whit_monday"],
        ["2027-12-25", "christmas_day"],
        ["2027-12-26", "boxing_day"],
      ],
    ],
    [
      2028,
      [
        ["2028-01-01", "new_years_day"],
        ["2028-04-16", "easter_sunday"],
        ["2028-04-17", "easter_monday"],
        ["2028-04-27", "kings_day"],
        ["2028-05-25", "ascension_day"],
        ["2028-06-04", "whit_sunday"],
        ["2028-06-05", "whit_monday"],
        ["2028-12-25", "christmas_day"],
        ["2028-12-26", "boxing_day"],
      ],
    ],
    [
      2029,
      [
        ["2029-01-01", "new_years_day"],
        ["2029-04-01", "easter_sunday"],
        ["2029-04-02", "easter_monday"],
        ["2029-04-27", "kings_day"],
        ["2029-05-10", "ascension_day"],
        ["2029-05-20", "whit_sunday"],
        ["2029-05-21", "whit_monday"],
        ["2029-12-25", "christmas_day"],
        ["2029-12-26", "boxing_day"],
      ],
    ],
    [
      2030,
      [
        ["2030-01-01", "new_years_day"],
        ["2030-04-21", "easter_sunday"],
        ["2030-04-22", "easter_monday"],
        ["2030-04-27", "kings_day"],
        ["2030-05-05", "liberation_day"],
        ["2030-05-30", "ascension_day"],
        ["2030-06-09", "whit_sunday"],
        ["2030-06-10", "whit_monday"],
        ["2030-12-25", "christmas_day"],
        ["2030-12-26", "boxing_day"],
      ],
    ],
  ])("%i", (year, expected) => {
    expect(publicHolidays(year).map((h) => [h.date, h.name])).toEqual(expected);
  });

  it("moves Koningsdag to 26 April when the 27th is a Sunday (2025, 2031), not when a Saturday (2030)", () => {
    const kingsDay = (year: number) => publicHolidays(year).find((h) => h.name === "kings_day")?.date;
    expect(kingsDay(2025)).toBe("2025-04-26");
    expect(kingsDay(2031)).toBe("2031-04-26");
    expect(kingsDay(2030)).toBe("2030-04-27");
  });

  it("has Bevrijdingsdag as a setting", () => {
    const liberation = (year: number, setting?: "every_year" | "lustrum" | "never") =>
      publicHolidays(year, setting ? { liberationDay: setting } : {}).some((h) => h.date === `${year}-05-05`);
    expect([2025, 2026, 2030, 2035].map((y) => liberation(y))).toEqual([true, false, true, true]);
    expect([2025, 2026].map((y) => liberation(y, "lustrum"))).toEqual([true, false]);
    expect([2025, 2026].map((y) => liberation(y, "every_year"))).toEqual([true, true]);
    expect([2025, 2030].map((y) => liberation(y, "never"))).toEqual([false, false]);
  });

  it("keeps both when Hemelvaartsdag falls on 5 May (2016)", () => {
    const may5 = publicHolidays(2016, { liberationDay: "every_year" }).filter((h) => h.date === "2016-05-05");
    expect(may5.map((h) => h.name).sort()).toEqual(["ascension_day", "liberation_day"]);
  });
});

describe("easterSunday", () => {
  it.each([
    [1583, "1583-04-10"],
    [1700, "1700-04-11"],
    [1818, "1818-03-22"],
    [1900, "1900-04-15"],
    [1943, "1943-04-25"],
    [1954, "1954-04-18"],
    [1981, "1981-04-19"],
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2011, "2011-04-24"],
    [2019, "2019-04-21"],
    [2025, "2025-04-20"],
    [2031, "2031-04-13"],
    [2038, "2038-04-25"],
    [2049, "2049-04-18"],
    [2077, "2077-04-11"],
    [2095, "2095-04-24"],
    [2100, "2100-03-28"],
    [2285, "2285-03-22"],
    [2400, "2400-04-16"],
    [3000, "3000-04-13"],
    [4099, "4099-04-19"],
  ])("%i → %s", (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  // Gauss's algorithm, independent of the one in the module.
  function gauss(year: number): string {
    const a = year % 19;
    const b = year % 4;
    const c = year % 7;
    const k = Math.floor(year / 100);
    const p = Math.floor((13 + 8 * k) / 25);
    const q = Math.floor(k / 4);
    const M = (15 - p + k - q + 30) % 30;
    const N = (4 + k - q) % 7;
    const d = (19 * a + M) % 30;
    const e = (2 * b + 4 * c + 6 * d + N) % 7;
    let day = 22 + d + e;
    if (d === 29 && e === 6) day = 50;
    if (d === 28 && e === 6 && (11 * M + 11) % 30 < 19) day = 49;
    const month = day > 31 ? 4 : 3;
    return `${year}-0${month}-${String(month === 4 ? day - 31 : day).padStart(2, "0")}`;
  }

  it("agrees with Gauss's algorithm for every year 1583–4099", () => {
    for (let year = 1583; year <= 4099; year += 1) expect(easterSunday(year)).toBe(gauss(year));
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2026-11-23", true], // Monday
    ["2026-11-27", true], // Friday
    ["2026-11-28", false], // Saturday
    ["2026-11-29", false], // Sunday
    ["2026-04-03", true], // Goede Vrijdag is not a day off
    ["2026-04-06", false], // Tweede Paasdag
    ["2026-05-14", false], // Hemelvaartsdag
    ["2026-05-25", false], // Tweede Pinksterdag
    ["2026-04-27", false], // Koningsdag (Monday)
    ["2025-04-26", false], // Koningsdag 2025, a Saturday anyway
    ["2026-05-05", true], // Bevrijdingsdag outside a lustrum year
    ["2025-05-05", false], // Bevrijdingsdag 2025 (lustrum, Monday)
    ["2026-12-25", false],
    ["2028-12-26", false], // Tweede Kerstdag on a Tuesday
    ["2027-01-01", false],
    ["2026-12-24", true],
  ])("%s → %s", (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it("honours the Bevrijdingsdag setting and the bureau's closing days", () => {
    expect(isWorkingDay("2026-05-05", { liberationDay: "every_year" })).toBe(false);
    expect(isWorkingDay("2025-05-05", { liberationDay: "never" })).toBe(true);
    expect(isWorkingDay("2026-12-24", { closingDays: ["2026-12-24"] })).toBe(false);
    expect(isWorkingDay("2026-12-23", { closingDays: ["2026-12-24"] })).toBe(true);
  });
});

describe("Amsterdam dates of instants", () => {
  it.each([
    ["2026-11-20T22:59:59Z", "2026-11-20", 1],
    ["2026-11-20T23:00:00Z", "2026-11-21", 1],
    ["2026-07-10T21:59:59Z", "2026-07-10", 2],
    ["2026-07-10T22:00:00Z", "2026-07-11", 2],
    ["2026-12-31T23:30:00Z", "2027-01-01", 1],
    // Summer time starts on the last Sunday of March at 01:00 UTC …
    ["2026-03-28T23:30:00Z", "2026-03-29", 1],
    ["2026-03-29T00:59:59Z", "2026-03-29", 1],
    ["2026-03-29T01:00:00Z", "2026-03-29", 2],
    ["2026-03-29T22:00:00Z", "2026-03-30", 2],
    ["2026-03-22T22:30:00Z", "2026-03-22", 1],
    // … and ends on the last Sunday of October at 01:00 UTC.
    ["2026-10-24T22:30:00Z", "2026-10-25", 2],
    ["2026-10-25T00:59:59Z", "2026-10-25", 2],
    ["2026-10-25T01:00:00Z", "2026-10-25", 1],
    ["2026-10-25T22:30:00Z", "2026-10-25", 1],
    ["2027-03-28T01:00:00Z", "2027-03-28", 2],
    ["2027-03-28T00:59:59Z", "2027-03-28", 1],
    ["2027-10-31T00:59:59Z", "2027-10-31", 2],
    ["2027-10-31T01:00:00Z", "2027-10-31", 1],
  ])("%s → %s (UTC+%i)", (instant, date, offset) => {
    expect(amsterdamDate(at(instant))).toBe(date);
    expect(amsterdamOffsetHours(at(instant))).toBe(offset);
  });

  it("agrees with Intl's Europe/Amsterdam zone", () => {
    const intl = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", dateStyle: "short" });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        expect(amsterdamDate(new Date(ms))).toBe(intl.format(new Date(ms)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("ages and due dates", () => {
  const fridayEvening = at("2026-11-20T18:00:00Z"); // Friday 19:00 in Amsterdam

  it("submitted on Friday evening: age 0 over the weekend and on Monday, 1 on Tuesday", () => {
    expect(workingDaysAge(fridayEvening, at("2026-11-20T22:00:00Z"))).toBe(0);
    expect(workingDaysAge(fridayEvening, at("2026-11-21T10:00:00Z"))).toBe(0);
    expect(workingDaysAge(fridayEvening, at("2026-11-22T10:00:00Z"))).toBe(0);
    expect(workingDaysAge(fridayEvening, at("2026-11-23T08:00:00Z"))).toBe(0);
    expect(workingDaysAge(fridayEvening, at("2026-11-23T22:59:59Z"))).toBe(0);
    expect(workingDaysAge(fridayEvening, at("2026-11-23T23:00:00Z"))).toBe(1);
    expect(workingDaysAge(fridayEvening, at("2026-11-27T12:00:00Z"))).toBe(4);
    expect(workingDaysAge(fridayEvening, at("2026-11-28T12:00:00Z"))).toBe(5);
  });

  it("is due on the 5th working day after the day of submission, and overdue the day after", () => {
    expect(DEFAULT_TARGET_WORKING_DAYS).toBe(5);
    expect(dueDate(fridayEvening)).toBe("2026-11-27");
    expect(isOverdue(fridayEvening, at("2026-11-27T22:59:59Z"))).toBe(false);
    expect(isOverdue(fridayEvening, at("2026-11-27T23:00:00Z"))).toBe(true);
    expect(dueDate(fridayEvening, 1)).toBe("2026-11-23");
    expect(isOverdue(fridayEvening, at("2026-11-24T09:00:00Z"), 1)).toBe(true);
    expect(isOverdue(fridayEvening, at("2026-11-23T09:00:00Z"), 1)).toBe(false);
  });

  it("a submission just after midnight on Saturday counts from Saturday", () => {
    const saturdayNight = at("2026-11-20T23:30:00Z");
    expect(dueDate(saturdayNight)).toBe("2026-11-27");
    expect(workingDaysAge(saturdayNight, at("2026-11-24T09:00:00Z"))).toBe(1);
  });

  it("skips holidays: submitted on Koningsdag, before Easter, before Christmas", () => {
    expect(dueDate(at("2026-04-27T08:00:00Z"))).toBe("2026-05-04");
    expect(dueDate(at("2026-04-27T08:00:00Z"), 6, { liberationDay: "every_year" })).toBe("2026-05-06");
    expect(dueDate(at("2026-04-02T08:00:00Z"))).toBe("2026-04-10");
    expect(dueDate(at("2026-12-23T08:00:00Z"))).toBe("2026-12-31");
    const closed = { closingDays: ["2026-12-24", "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31"] };
    expect(dueDate(at("2026-12-23T08:00:00Z"), 5, closed)).toBe("2027-01-08");
    expect(workingDaysAge(at("2026-12-23T08:00:00Z"), at("2027-01-05T08:00:00Z"), closed)).toBe(1);
    expect(isOverdue(at("2026-12-23T08:00:00Z"), at("2027-01-04T08:00:00Z"), 5, closed)).toBe(false);
  });

  it("counts across the DST changes by calendar dates", () => {
    // Friday 27 March 2026 23:30 local (UTC+1); summer time starts on Sunday.
    const beforeSpring = at("2026-03-27T22:30:00Z");
    expect(dueDate(beforeSpring)).toBe("2026-04-03");
    expect(workingDaysAge(beforeSpring, at("2026-03-30T22:30:00Z"))).toBe(1); // Tue 00:30 local
    // Friday 23 October 2026 23:30 local (UTC+2); winter time starts on Sunday.
    const beforeAutumn = at("2026-10-23T21:30:00Z");
    expect(dueDate(beforeAutumn)).toBe("2026-10-30");
    expect(workingDaysAge(beforeAutumn, at("2026-10-26T23:30:00Z"))).toBe(1); // Tue 00:30 local
  });
});

describe("date helpers", () => {
  it("addDays crosses months, years and leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("addWorkingDays with 0 stays on the day, even a Sunday", () => {
    expect(addWorkingDays("2026-11-22", 0)).toBe("2026-11-22");
    expect(addWorkingDays("2026-11-22", 1)).toBe("2026-11-23");
    expect(addWorkingDays("2026-11-20", 1)).toBe("2026-11-23");
  });

  it("workingDaysBetween counts strictly between, and 0 when not later", () => {
    expect(workingDaysBetween("2026-11-23", "2026-11-27")).toBe(3);
    expect(workingDaysBetween("2026-11-23", "2026-11-24")).toBe(0);
    expect(workingDaysBetween("2026-11-23", "2026-11-23")).toBe(0);
    expect(workingDaysBetween("2026-11-27", "2026-11-23")).toBe(0);
    expect(workingDaysBetween("2026-12-20", "2027-01-04", { closingDays: ["2026-12-30"] })).toBe(7);
  });

  it("due date and age agree: overdue exactly when the age reaches the target", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2031, 0, 1) }),
        fc.integer({ min: 0, max: 40 * 86_400_000 }),
        fc.integer({ min: 1, max: 10 }),
        (start, elapsed, target) => {
          const submitted = new Date(start);
          const now = new Date(start + elapsed);
          expect(isOverdue(submitted, now, target)).toBe(workingDaysAge(submitted, now) >= target);
          expect(isWorkingDay(dueDate(submitted, target))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
