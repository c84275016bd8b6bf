import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  BASIS_POINTS_PER_WHOLE,
  MAX_PARSABLE_CENTS,
  formatBasisPoints,
  formatCents,
  isBasisPoints,
  isCents,
  parseAmount,
  shareOfCents,
  splitByShares,
} from "./money";

describe("parseAmount accepts what residents type", () => {
  it.each([
    ["1.250,50", 125050],
    ["1250,5", 125050],
    ["1250,50", 125050],
    ["€ 1.250", 125000],
    ["€1.250,-", 125000],
    ["€ 1.250,--", 125000],
    ["1250.-", 125000],
    ["1250", 125000],
    ["  1250  ", 125000],
    ["1 250,50", 125050],
    ["1  250,50", 125050],
    ["1\t250", 125000],
    ["0125.50", 12550],
    ["0999.5", 99950],
    ["1\u00a0250,50", 125050],
    ["1 250 000", 125000000],
    ["0,99", 99],
    [",50", 50],
    [".50", 50],
    ["0.99", 99],
    ["0.5", 50],
    ["1250.50", 125050],
    ["1250.5", 125050],
    ["1 250.50", 125050],
    ["1.250", 125000],
    ["1.250.000", 125000000],
    ["1.250.000,01", 125000001],
    ["0", 0],
    ["007", 700],
    ["12 €", 1200],
    ["12 euro", 1200],
    ["12 EUR", 1200],
    ["EUR 12,00", 1200],
    ["euro 12", 1200],
    ["9999999999999,99", MAX_PARSABLE_CENTS],
    ["00009999999999999,99", MAX_PARSABLE_CENTS],
  ])("%j → %i cents", (input, cents) => {
    expect(parseAmount(input)).toEqual({ ok: true, cents });
  });
});

describe("parseAmount refuses", () => {
  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["€", "empty"],
    ["€ ,-", "empty"],
    ["abc", "not_a_number"],
    ["12a", "not_a_number"],
    ["-", "not_a_number"],
    ["-,-", "not_a_number"],
    ["-abc", "not_a_number"],
    [".", "not_a_number"],
    [",", "not_a_number"],
    ["1,", "not_a_number"],
    ["1.", "not_a_number"],
    ["1250.", "not_a_number"],
    ["1.250,", "not_a_number"],
    ["1.25.0", "not_a_number"],
    ["1,2,3", "not_a_number"],
    ["1.250.50", "not_a_number"],
    ["0.250.000", "not_a_number"],
    ["1.250,50,1", "not_a_number"],
    [".,50", "not_a_number"],
    ["1,250.505", "too_many_decimals"],
    ["1,-5", "not_a_number"],
    ["12,5a", "not_a_number"],
    ["12,a5", "not_a_number"],
    ["1e250", "not_a_number"],
    ["1e250,50", "not_a_number"],
    ["1.2500.000", "not_a_number"],
    ["1.250.0000", "not_a_number"],
    ["1,2500,000", "not_a_number"],
    ["1,25.50", "not_a_number"],
    ["12 5", "not_a_number"],
    ["5 ,-", "not_a_number"],
    ["1 2,50", "not_a_number"],
    ["12 34.5", "not_a_number"],
    ["5-", "not_a_number"],
    ["+5", "not_a_number"],
    ["1e3", "not_a_number"],
    ["-5", "negative"],
    ["-0", "negative"],
    ["−5", "negative"],
    ["- € 5", "negative"],
    ["€ -1.250,50", "negative"],
    ["-1.25", "negative"],
    ["0,125", "too_many_decimals"],
    ["0,250", "too_many_decimals"],
    ["1250,505", "too_many_decimals"],
    ["1.250,505", "too_many_decimals"],
    ["1.2505", "too_many_decimals"],
    ["1250.505", "too_many_decimals"],
    ["1 250,505", "too_many_decimals"],
  ])("%j: %s", (input, reason) => {
    expect(parseAmount(input)).toEqual({ ok: false, reason });
  });

  it.each([
    ["1.25", 125],
    ["12.50", 1250],
    ["125.5", 12550],
    ["999.99", 99999],
    ["1,250", 125000],
    ["999,000", 99900000],
    ["1,250,000", 125000000],
    ["1,250.50", 125050],
    ["€1,250.5", 125050],
  ])("%j as ambiguous, suggesting %i cents", (input, suggestion) => {
    expect(parseAmount(input)).toEqual({ ok: false, reason: "ambiguous", suggestion });
  });

  it("amounts above the given maximum, saying the maximum", () => {
    expect(parseAmount("2.500,01", { maxCents: 250000 })).toEqual({
      ok: false,
      reason: "above_maximum",
      maxCents: 250000,
    });
    expect(parseAmount("2.500", { maxCents: 250000 })).toEqual({ ok: true, cents: 250000 });
    expect(parseAmount("0", { maxCents: 0 })).toEqual({ ok: true, cents: 0 });
  });

  it("above the maximum before ambiguity, so a suggestion is always possible", () => {
    expect(parseAmount("1,250", { maxCents: 100000 })).toEqual({ ok: false, reason: "above_maximum", maxCents: 100000 });
    expect(parseAmount("1,250", { maxCents: 125000 })).toEqual({ ok: false, reason: "ambiguous", suggestion: 125000 });
  });

  it("never accepts more than MAX_PARSABLE_CENTS, whatever maximum is given", () => {
    expect(parseAmount("10000000000000", { maxCents: 10 ** 16 })).toEqual({
      ok: false,
      reason: "above_maximum",
      maxCents: MAX_PARSABLE_CENTS,
    });
  });

  it("amounts too large to count in safe integer cents", () => {
    const refusal = { ok: false, reason: "above_maximum", maxCents: MAX_PARSABLE_CENTS };
    expect(parseAmount("10000000000000")).toEqual(refusal);
    expect(parseAmount("10.000.000.000.000,00")).toEqual(refusal);
    expect(parseAmount("10,000,000,000,000")).toEqual(refusal);
  });
});

describe("formatCents", () => {
  it.each([
    [125050, "€ 1.250,50", "€1,250.50"],
    [0, "€ 0,00", "€0.00"],
    [5, "€ 0,05", "€0.05"],
    [99, "€ 0,99", "€0.99"],
    [100000, "€ 1.000,00", "€1,000.00"],
    [99999, "€ 999,99", "€999.99"],
    [123456789012, "€ 1.234.567.890,12", "€1,234,567,890.12"],
    [-500, "€ -5,00", "-€5.00"],
    [-0, "€ 0,00", "€0.00"],
  ])("%i cents → %j / %j", (cents, nl, en) => {
    expect(formatCents(cents, "nl")).toBe(nl);
    expect(formatCents(cents, "en")).toBe(en);
  });

  it("drops ,00 for whole euros when asked, and only then", () => {
    expect(formatCents(125000, "nl", { trimZeroCents: true })).toBe("€ 1.250");
    expect(formatCents(125050, "nl", { trimZeroCents: true })).toBe("€ 1.250,50");
    expect(formatCents(125000, "en", { trimZeroCents: true })).toBe("€1,250");
    expect(formatCents(125000, "nl", { trimZeroCents: false })).toBe("€ 1.250,00");
  });

  it("refuses a float as a programming error", () => {
    expect(() => formatCents(12.5, "nl")).toThrow(RangeError);
    expect(() => formatCents(Number.NaN, "nl")).toThrow("not a whole number of cents");
  });
});

describe("properties", () => {
  const amount = fc.integer({ min: 0, max: 10 ** 10 });

  it("nl: format then parse gives back every amount", () => {
    fc.assert(
      fc.property(amount, fc.boolean(), (cents, trim) => {
        expect(parseAmount(formatCents(cents, "nl", { trimZeroCents: trim }))).toEqual({ ok: true, cents });
      }),
    );
  });

  it("en: format then parse gives back the amount, or asks whether it was meant", () => {
    fc.assert(
      fc.property(amount, (cents) => {
        const result = parseAmount(formatCents(cents, "en"));
        expect(result.ok ? result.cents : result.suggestion).toBe(cents);
      }),
    );
  });

  it("bare digits with a comma and cents parse exactly", () => {
    fc.assert(
      fc.property(amount, (cents) => {
        const text = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
        expect(parseAmount(text)).toEqual({ ok: true, cents });
      }),
    );
  });

  it("a split's parts add up exactly, none negative, each within a cent of its share", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 8 }), (total, raw) => {
        const shares = raw.some((share) => share > 0) ? raw : [...raw, 1];
        const parts = splitByShares(total, shares);
        const sum = shares.reduce((a, b) => a + b, 0);
        expect(parts).toHaveLength(shares.length);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((part, i) => {
          expect(Number.isSafeInteger(part) && part >= 0).toBe(true);
          expect(Math.abs(part - (total * shares[i]!) / sum)).toBeLessThan(1.000001);
        });
      }),
    );
  });
});

describe("splitByShares", () => {
  it("gives leftover cents to the largest remainders, ties to the earlier share", () => {
    expect(splitByShares(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByShares(200, [1, 1, 1])).toEqual([67, 67, 66]);
    expect(splitByShares(10, [1, 2, 7])).toEqual([1, 2, 7]);
    expect(splitByShares(10, [3, 3, 4])).toEqual([3, 3, 4]);
    expect(splitByShares(7, [1, 5, 4])).toEqual([1, 3, 3]);
    expect(splitByShares(5, [0, 1, 1])).toEqual([0, 3, 2]);
    expect(splitByShares(1, [2, 3])).toEqual([0, 1]);
    expect(splitByShares(1, [3, 2])).toEqual([1, 0]);
    expect(splitByShares(0, [1, 2])).toEqual([0, 0]);
  });

  it("stays exact with huge weights", () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(splitByShares(MAX_PARSABLE_CENTS, [big, big - 1])).toEqual([500000000000000, 499999999999999]);
  });

  it("splits a negative total as the negation of its absolute split, without -0", () => {
    expect(splitByShares(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(Object.is(splitByShares(-1, [1, 1])[1], 0)).toBe(true);
  });

  it("refuses bad input as a programming error", () => {
    expect(() => splitByShares(1.5, [1])).toThrow("splitByShares: total 1.5 is not whole cents");
    for (const shares of [[], [0, 0], [1, -1], [2, -1], [0.5, 1]]) {
      expect(() => splitByShares(100, shares)).toThrow("splitByShares: shares must be");
    }
  });
});

describe("isCents", () => {
  it.each([
    [0, true],
    [-5, true],
    [125050, true],
    [1.5, false],
    [Number.NaN, false],
    ["5", false],
    [null, false],
    [2 ** 53, false],
  ])("%j → %s", (value, expected) => {
    expect(isCents(value)).toBe(expected);
  });
});

describe("basis points", () => {
  it("takes a share of an amount exactly, rounded down to whole cents", () => {
    // Issue 12: 0.7 % of € 110,00 as a fractional percent gave 76 cents (11000 × 0.7 = 7699.999…).
    expect(shareOfCents(11_000, 70)).toBe(77);
    expect(shareOfCents(100_000, 8_000)).toBe(80_000);
    expect(shareOfCents(999, 5_000)).toBe(499);
    expect(shareOfCents(19_999, 1)).toBe(1);
    expect(shareOfCents(9_999, 1)).toBe(0);
    expect(shareOfCents(12_345, 0)).toBe(0);
    expect(shareOfCents(0, 10_000)).toBe(0);
    expect(shareOfCents(12_345, BASIS_POINTS_PER_WHOLE)).toBe(12_345);
    expect(shareOfCents(100, 25_000)).toBe(250);
  });

  it("rounds down also below zero, without -0", () => {
    expect(shareOfCents(-11_000, 70)).toBe(-77);
    expect(shareOfCents(-101, 5_000)).toBe(-51);
    expect(shareOfCents(101, -5_000)).toBe(-51);
    expect(shareOfCents(-101, -5_000)).toBe(50);
    expect(Object.is(shareOfCents(-1, 0), 0)).toBe(true);
  });

  it("stays exact where floats would not", () => {
    expect(shareOfCents(MAX_PARSABLE_CENTS, 3_333)).toBe(333_299_999_999_999);
    expect(shareOfCents(700_000, 3_500)).toBe(245_000);
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: 0, max: 10_000 }), (cents, bp) => {
        const share = shareOfCents(cents, bp);
        // share ≤ cents × bp / 10 000 < share + 1, in exact integers
        const exact = BigInt(cents) * BigInt(bp);
        expect(BigInt(share) * 10_000n <= exact && exact < BigInt(share + 1) * 10_000n).toBe(true);
      }),
    );
  });

  it("refuses non-integers as a programming error", () => {
    expect(() => shareOfCents(1.5, 70)).toThrow("shareOfCents: 1.5 cents and 70 basis points must be whole numbers");
    expect(() => shareOfCents(100, 0.7)).toThrow(RangeError);
    expect(() => shareOfCents(100, Number.NaN)).toThrow(RangeError);
  });

  it.each([
    [0, true],
    [1, true],
    [70, true],
    [10_000, true],
    [10_001, false],
    [-1, false],
    [0.5, false],
    ["70", false],
    [null, false],
  ])("isBasisPoints(%j) → %s", (value, expected) => {
    expect(isBasisPoints(value)).toBe(expected);
  });

  it.each([
    [70, "0,7%", "0.7%"],
    [8_000, "80%", "80%"],
    [1_250, "12,5%", "12.5%"],
    [1_205, "12,05%", "12.05%"],
    [5, "0,05%", "0.05%"],
    [0, "0%", "0%"],
    [10_000, "100%", "100%"],
    [-1_000, "-10%", "-10%"],
    [-5, "-0,05%", "-0.05%"],
  ])("formats %j basis points as %s / %s", (bp, nl, en) => {
    expect(formatBasisPoints(bp, "nl")).toBe(nl);
    expect(formatBasisPoints(bp, "en")).toBe(en);
  });

  it("refuses to format a fraction of a basis point", () => {
    expect(() => formatBasisPoints(0.5, "nl")).toThrow("formatBasisPoints: 0.5 is not a whole number of basis points");
  });
});
