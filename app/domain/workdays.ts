// Working days in the Europe/Amsterdam calendar, for "we answer within 5 working days".
// Source: domain.md §6 (Vlaardingen answers residents within five days, 004:2079; slowness kills
// enthusiasm, 004:1771) and §7b.5 (decision and feedback time targets).
//
// Rules in plain words:
// - A working day is Monday to Friday, not a Dutch public holiday, not a closing day of the bureau.
// - Public holidays: Nieuwjaarsdag (1 Jan); Eerste en Tweede Paasdag, Hemelvaartsdag (Easter + 39)
//   and Eerste en Tweede Pinksterdag (Easter + 49, + 50); Koningsdag 27 April, or 26 April when
//   the 27th is a Sunday; Bevrijdingsdag 5 May as a setting (every year, lustrum years only:
//   2025, 2030 …, the default, as in most collective agreements; or never); Eerste en Tweede
//   Kerstdag (25, 26 Dec). Goede Vrijdag is not a general day off and is not counted.
// - The date of an instant is its local date in Amsterdam: UTC+2 from the last Sunday of March
//   01:00 UTC to the last Sunday of October 01:00 UTC, UTC+1 otherwise (EU rule since 1996).
// - Age = the number of FULL working days after the day of submission: submitted on Friday
//   evening, the age is 0 on Saturday, Sunday and Monday, and 1 on Tuesday.
// - Due date = the target-th working day after the day of submission (default 5). An application
//   is overdue from the day after its due date, which is exactly when its age reaches the target.
// Dates are "YYYY-MM-DD" strings; instants are Date values given by the caller (never "now").

export type LiberationDay = "every_year" | "lustrum" | "never";

export type WorkdayCalendar = {
  liberationDay?: LiberationDay;
  /** Extra days the bureau is closed, "YYYY-MM-DD". */
  closingDays?: readonly string[];
};

export type HolidayName =
  | "new_years_day"
  | "easter_sunday"
  | "easter_monday"
  | "kings_day"
  | "liberation_day"
  | "ascension_day"
  | "whit_sunday"
  | "whit_monday"
  | "christmas_day"
  | "boxing_day";

export type Holiday = { date: string; name: HolidayName };

export const DEFAULT_TARGET_WORKING_DAYS = 5;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function utcDays(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  return Date.UTC(year!, month! - 1, day!) / DAY_MS;
}

function isoDate(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` calendar days after (or before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  return isoDate(utcDays(date) + days);
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian or Meeus/Jones/Butcher algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The Dutch public holidays of `year`, in date order. */
export function publicHolidays(year: number, calendar: WorkdayCalendar = {}): Holiday[] {
  const easter = easterSunday(year);
  const y = String(year);
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? `${y}-04-26` : `${y}-04-27`;
  const liberation = calendar.liberationDay ?? "lustrum";
  const holidays: Holiday[] = [
    { date: `${y}-01-01`, name: "new_years_day" },
    { date: easter, name: "easter_sunday" },
    { date: addDays(easter, 1), name: "easter_monday" },
    { date: kingsDay, name: "kings_day" },
    { date: addDays(easter, 39), name: "ascension_day" },
    { date: addDays(easter, 49), name: "whit_sunday" },
    { date: addDays(easter, 50), name: "whit_monday" },
    { date: `${y}-12-25`, name: "christmas_day" },
    { date: `${y}-12-26`, name: "boxing_day" },
  ];
  if (liberation === "every_year" || (liberation === "lustrum" && year % 5 === 0)) {
    holidays.push({ date: `${y}-05-05`, name: "liberation_day" });
  }
  return holidays.sort((p, q) => p.date.localeCompare(q.date));
}

// The holiday dates of a year for each Liberation Day setting, worked out once: a page counting
// working days for fifty applications asks for the same few years hundreds of times.
const holidayDates = new Map<string, ReadonlySet<string>>();

function isPublicHoliday(date: string, calendar: WorkdayCalendar): boolean {
  const year = Number(date.slice(0, 4));
  const key = `${year}/${calendar.liberationDay}`; // unset and "lustrum" cached apart: same dates, no harm
  let dates = holidayDates.get(key);
  if (!dates) holidayDates.set(key, (dates = new Set(publicHolidays(year, calendar).map((holiday) => holiday.date))));
  return dates.has(date);
}

export function isWorkingDay(date: string, calendar: WorkdayCalendar = {}): boolean {
  const weekday = new Date(utcDays(date) * DAY_MS).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  if (calendar.closingDays?.includes(date)) return false;
  return !isPublicHoliday(date, calendar);
}

function lastSundayUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Hours Amsterdam is ahead of UTC at `instant`: 2 in summer time, 1 otherwise. */
export function amsterdamOffsetHours(instant: Date): 1 | 2 {
  const ms = instant.getTime();
  const year = instant.getUTCFullYear();
  return ms >= lastSundayUtc(year, 2) && ms < lastSundayUtc(year, 9) ? 2 : 1;
}

/** The calendar date in Amsterdam at `instant`, "YYYY-MM-DD". */
export function amsterdamDate(instant: Date): string {
  return new Date(instant.getTime() + amsterdamOffsetHours(instant) * HOUR_MS).toISOString().slice(0, 10);
}

/** The `count`-th working day after `date` (count 0: `date` itself). */
export function addWorkingDays(date: string, count: number, calendar: WorkdayCalendar = {}): string {
  let day = date;
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return day;
}

/** Working days strictly after `from` and strictly before `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string, calendar: WorkdayCalendar = {}): number {
  let count = 0;
  for (let day = addDays(from, 1); day < to; day = addDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
}

/** Full working days since the day of submission (see the header). */
export function workingDaysAge(submittedAt: Date, now: Date, calendar: WorkdayCalendar = {}): number {
  return workingDaysBetween(amsterdamDate(submittedAt), amsterdamDate(now), calendar);
}

/** The last day on which an answer is on time. */
export function dueDate(submittedAt: Date, targetDays: number = DEFAULT_TARGET_WORKING_DAYS, calendar: WorkdayCalendar = {}): string {
  return addWorkingDays(amsterdamDate(submittedAt), targetDays, calendar);
}

export function isOverdue(submittedAt: Date, now: Date, targetDays: number = DEFAULT_TARGET_WORKING_DAYS, calendar: WorkdayCalendar = {}): boolean {
  return amsterdamDate(now) > dueDate(submittedAt, targetDays, calendar);
}

/** The `count`-th working day before `date` (count 0: `date` itself): addWorkingDays backwards. */
export function subtractWorkingDays(date: string, count: number, calendar: WorkdayCalendar = {}): string {
  let day = date;
  for (let left = count; left > 0;) {
    day = addDays(day, -1);
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return day;
}

/** The instant Amsterdam's day `date` begins (midnight local time), as a UTC Date. */
export function amsterdamMidnight(date: string): Date {
  // Midnight local is 22:00 UTC the day before in summer time, 23:00 UTC in winter time.
  const summer = new Date(utcDays(date) * DAY_MS - 2 * HOUR_MS);
  return amsterdamOffsetHours(summer) === 2 ? summer : new Date(utcDays(date) * DAY_MS - HOUR_MS);
}

/**
 * The inverse of isOverdue, for a query: the earliest clock start that is still on time at `now`.
 * A clock started before it is overdue, one started at or after it is not, so "late" is one
 * indexed range condition on the stored clock start instead of a date sum per row. The answer is
 * the start of the target-th working day before today: from that day on, fewer than the target
 * working days lie between the start's day and today.
 */
export function onTimeSince(now: Date, targetDays: number = DEFAULT_TARGET_WORKING_DAYS, calendar: WorkdayCalendar = {}): Date {
  return amsterdamMidnight(subtractWorkingDays(amsterdamDate(now), targetDays, calendar));
}
