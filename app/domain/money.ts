// Money is integer euro cents everywhere; only this module turns text into cents and back.
// Source: architecture.md ("Money and state are facts"); residents type amounts the way they
// write them (domain.md §1: "taking part must be easy"), so we accept the common Dutch forms
// and refuse, with a suggestion, what could mean two different amounts.
//
// Decisions for parseAmount (after trimming, "€"/"EUR"/"euro" before or after, and a trailing
// ",-" or ".-" are ignored; spaces may group thousands: "1 250,50"):
// - "1250", "1.250", "1.250.000"      → whole euros; a dot followed by 3 digits groups thousands.
// - "1250,5", "1.250,50", ",50"       → the comma is the decimal sign (at most 2 decimals).
// - "1250.50", "0.99", "1 250.5"      → a single dot is a decimal point when the part before it
//                                        cannot be a thousands group (4+ digits, a leading 0, or
//                                        grouped by spaces): typed on an English keyboard.
// - "1.25", "12.50", "125.5"          → ambiguous (1–3 digits, dot, 1–2 digits: a decimal point or
//                                        a mistyped "1.250"?): refused, suggestion = decimal reading.
// - "1,250", "1,250,000", "1,250.50" → ambiguous English thousands notation: refused, suggestion =
//                                        the English reading (1250 euros, 1250000 euros, 1250,50).
// - "0,250", "1250,505", "1.2505"   → too_many_decimals.
// - Above the caller's maximum, or above MAX_PARSABLE_CENTS (so cents stay exact safe integers),
//   → above_maximum, checked before "ambiguous" so a suggestion is always a possible amount.
// - A minus sign anywhere before the digits → negative (also "-0"): a grant is never negative.
import { refuse } from "./result";

export type Cents = number; // integer euro cents, never a float amount

export type AmountRefusalReason = "empty" | "not_a_number" | "negative" | "too_many_decimals" | "above_maximum" | "ambiguous";

export type ParseAmountResult = { ok: true; cents: Cents } | { ok: false; reason: AmountRefusalReason; maxCents?: Cents; suggestion?: Cents };

/** € 9.999.999.999.999,99: the largest amount parseAmount accepts (13 digits of euros). */
export const MAX_PARSABLE_CENTS: Cents = 999_999_999_999_999;

/** What the digits mean; `ambiguous` when another reading is as likely (see the header). */
type Reading = { euros: string; fraction: string; ambiguous: boolean } | "not_a_number" | "too_many_decimals";

/** What can open a thousands-grouped number: 1–3 digits, not starting with 0. */
const LEADING_GROUP = /^[1-9]\d{0,2}$/;

export function parseAmount(input: string, options: { maxCents?: Cents } = {}): ParseAmountResult {
  // Every match starts at 0: all parts before the body are optional.
  const match = /([-−]?) ?(?:€|euros?|eur)? ?([-−]?) ?(.*?) ?(?:€|euros?|eur)?$/i.exec(input.replace(/\s+/g, " "))!;
  const negative = match[1] !== "" || match[2] !== "";
  const body = match[3]!.replace(/[.,] ?[-–—]{1,2}$/, "");
  if (body === "") return refuse(negative ? "not_a_number" : "empty");

  const reading = read(body);
  if (reading === "not_a_number") return refuse("not_a_number");
  if (negative) return refuse("negative");
  if (reading === "too_many_decimals") return refuse("too_many_decimals");

  const maxCents = Math.min(options.maxCents ?? MAX_PARSABLE_CENTS, MAX_PARSABLE_CENTS);
  const cents = Number(reading.euros) * 100 + Number(reading.fraction.padEnd(2, "0"));
  if (cents > maxCents) return refuse("above_maximum", { maxCents });
  return reading.ambiguous ? refuse("ambiguous", { suggestion: cents }) : { ok: true, cents };
}

/** Decides what the digits, dots, commas and spaces of `body` mean (see the header). */
function read(body: string): Reading {
  const commas = body.split(",").length - 1;
  const dots = body.split(".").length - 1;
  if (commas > 0 && dots > 0) {
    const last = Math.max(body.lastIndexOf(","), body.lastIndexOf("."));
    const before = body.slice(0, last);
    const after = body.slice(last + 1);
    return body[last] === ","
      ? decimal(ungroup(before, "."), after, false) // "1.250,50"
      : decimal(ungroup(before, ","), after, true); // "1,250.50": English notation
  }
  if (commas > 1) return whole(ungroup(body, ","), true); // "1,250,000": English notation
  if (dots > 1) return whole(ungroup(body, "."), false); // "1.250.000"
  const at = body.search(/[.,]/);
  if (at < 0) return whole(ungroup(body, ""), false); // "1250", "1 250"
  const before = body.slice(0, at);
  const after = body.slice(at + 1);
  const comma = body[at] === ",";
  const groupLike = LEADING_GROUP.test(before);
  if (groupLike && /^\d{3}$/.test(after)) return whole(before + after, comma); // "1.250"; "1,250" English
  if (groupLike && !comma) return decimal(before, after, true); // "1.25": or a mistyped "1.250"?
  return decimal(ungroup(before, ""), after, false); // "1250,5", "0.99", "1250.50"
}

function whole(euros: string | null, ambiguous: boolean): Reading {
  return euros === null ? "not_a_number" : { euros, fraction: "", ambiguous };
}

function decimal(euros: string | null, fraction: string, ambiguous: boolean): Reading {
  if (euros === null || !/^\d+$/.test(fraction)) return "not_a_number";
  return fraction.length > 2 ? "too_many_decimals" : { euros, fraction, ambiguous };
}

/** "1.250.000" → "1250000" when every group after the first has 3 digits; spaces group too. */
function ungroup(digits: string, separator: "." | "," | ""): string | null {
  if (/^\d*$/.test(digits)) return digits;
  const [first, ...rest] = digits.split(new RegExp(`[${separator} ]`));
  const valid = LEADING_GROUP.test(first!) && rest.every((group) => /^\d{3}$/.test(group));
  return valid ? first + rest.join("") : null;
}

/**
 * "€ 1.250,50" (nl) or "€1,250.50" (en). Negative amounts (ledger corrections) read
 * "€ -5,00" / "-€5.00". `trimZeroCents` gives "€ 1.250" for whole euros (dashboards).
 * Throws a RangeError for a non-integer: that is a programming error, not a user's.
 */
export function formatCents(cents: Cents, locale: "nl" | "en", options: { trimZeroCents?: boolean } = {}): string {
  if (!isCents(cents)) throw new RangeError(`formatCents: ${cents} is not a whole number of cents`);
  const abs = Math.abs(cents);
  const [group, point] = locale === "nl" ? [".", ","] : [",", "."];
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, group);
  const rest = abs % 100;
  const number = options.trimZeroCents && rest === 0 ? euros : `${euros}${point}${String(rest).padStart(2, "0")}`;
  const sign = cents < 0 ? "-" : "";
  return locale === "nl" ? `€ ${sign}${number}` : `${sign}€${number}`;
}

/**
 * Splits `total` over `shares` (weights, non-negative integers, e.g. cents or percentages) by the
 * largest-remainder method: every part is the floor of its exact share, and the cents left over
 * go one by one to the largest remainders (ties: the earlier share). Parts add up to `total`
 * exactly. Exact BigInt arithmetic, so huge weights do not lose cents. A negative total is split
 * as its absolute value and negated. Throws a RangeError when no share is positive or a share is
 * not a non-negative safe integer (a programming error; callers validate their input).
 */
export function splitByShares(total: Cents, shares: readonly number[]): Cents[] {
  if (!isCents(total)) throw new RangeError(`splitByShares: total ${total} is not whole cents`);
  if (!shares.every((share) => isCents(share) && share >= 0) || !shares.some((share) => share > 0)) {
    throw new RangeError("splitByShares: shares must be non-negative integers, at least one positive");
  }
  const sign = total < 0 ? -1 : 1;
  const amount = BigInt(Math.abs(total));
  const sum = shares.reduce((acc, share) => acc + BigInt(share), 0n);
  const exact = shares.map((share) => amount * BigInt(share));
  const parts = exact.map((value) => value / sum);
  let left = amount - parts.reduce((acc, part) => acc + part, 0n);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value % sum })).sort((a, b) => Number(b.remainder - a.remainder)); // stable: ties keep the earlier share first
  for (const { index } of byRemainder) {
    if (left === 0n) break;
    parts[index]! += 1n;
    left -= 1n;
  }
  return parts.map((part) => sign * Number(part) + 0);
}

// Shares and caps are whole basis points (decision 012): 1 bp = 0.01 %, 10 000 bp = 100 %, so
// 0.7 % is 70 and a share of an amount is exact integer arithmetic, never a float percent.

/** A share in whole basis points (hundredths of a percent). */
export type BasisPoints = number;

/** 100 % in basis points. */
export const BASIS_POINTS_PER_WHOLE = 10_000;

/** A whole number of basis points from 0 (0 %) to 10 000 (100 %). */
export function isBasisPoints(value: unknown): value is BasisPoints {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= BASIS_POINTS_PER_WHOLE;
}

/**
 * `basisPoints` of `cents`, rounded DOWN to whole cents (toward minus infinity), in exact BigInt
 * arithmetic: 70 bp of 11 000 cents is 77. Down, because a share of an amount is a cap (a pot
 * pays at most its share) or a threshold (`amount > shareOfCents(budget, bp)` is then exactly
 * "more than bp of the budget"); parts that must add up use splitByShares. Throws a RangeError
 * for an input that is not a safe integer (a programming error).
 */
export function shareOfCents(cents: Cents, basisPoints: BasisPoints): Cents {
  if (!isCents(cents) || !isCents(basisPoints)) {
    throw new RangeError(`shareOfCents: ${cents} cents and ${basisPoints} basis points must be whole numbers`);
  }
  const product = BigInt(cents) * BigInt(basisPoints);
  const whole = BigInt(BASIS_POINTS_PER_WHOLE);
  // BigInt division truncates toward zero; a negative remainder means one step further down.
  // (A BigInt has no -0, so neither has the result.)
  return Number(product / whole - (product % whole < 0n ? 1n : 0n));
}

/** "0,7%" (nl) or "0.7%" (en): basis points as a percentage, at most two decimals, none trailing. */
export function formatBasisPoints(basisPoints: BasisPoints, locale: "nl" | "en"): string {
  if (!isCents(basisPoints)) throw new RangeError(`formatBasisPoints: ${basisPoints} is not a whole number of basis points`);
  const abs = Math.abs(basisPoints);
  const whole = String(Math.floor(abs / 100));
  const rest = abs % 100;
  const decimals = String(rest).padStart(2, "0").replace(/0$/, "");
  const number = rest === 0 ? whole : `${whole}${locale === "nl" ? "," : "."}${decimals}`;
  return `${basisPoints < 0 ? "-" : ""}${number}%`;
}

/** A safe integer number of cents (negative allowed: ledger corrections are signed). */
export function isCents(value: unknown): value is Cents {
  return Number.isSafeInteger(value);
}
