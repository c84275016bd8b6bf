import { describe, expect, it } from "vitest";
import { FIRST_RETRY_MS, LONGEST_RETRY_MS, MAX_DELIVERY_ATTEMPTS, afterFailedAttempt, maskAddress, retryDelayMs } from "./mail-delivery";

const AT = new Date("2026-11-23T10:00:00.000Z");
const plus = (ms: number) => new Date(AT.getTime() + ms);

describe("retryDelayMs", () => {
  it("doubles from 30 seconds up to one hour", () => {
    expect(FIRST_RETRY_MS).toBe(30_000);
    expect(LONGEST_RETRY_MS).toBe(3_600_000);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });

  it("treats zero or fewer tries as the first", () => {
    expect(retryDelayMs(0)).toBe(30_000);
    expect(retryDelayMs(-3)).toBe(30_000);
  });

  it("keeps trying for about 13 hours before a mail is a dead letter", () => {
    let total = 0;
    for (let i = 1; i < MAX_DELIVERY_ATTEMPTS; i++) total += retryDelayMs(i);
    expect(MAX_DELIVERY_ATTEMPTS).toBe(20);
    expect(total).toBe(30_000 * (2 ** 7 - 1) + 12 * 3_600_000);
  });
});

describe("afterFailedAttempt", () => {
  it("retries later while tries are left", () => {
    expect(afterFailedAttempt({ attempts: 1, at: AT, expiresAt: null })).toEqual({ status: "pending", nextAttemptAt: plus(30_000) });
    expect(afterFailedAttempt({ attempts: MAX_DELIVERY_ATTEMPTS - 1, at: AT, expiresAt: null })).toEqual({
      status: "pending",
      nextAttemptAt: plus(3_600_000),
    });
  });

  it("makes a dead letter of the last failed try", () => {
    expect(afterFailedAttempt({ attempts: MAX_DELIVERY_ATTEMPTS, at: AT, expiresAt: null })).toEqual({ status: "failed" });
    expect(afterFailedAttempt({ attempts: MAX_DELIVERY_ATTEMPTS + 1, at: AT, expiresAt: null })).toEqual({ status: "failed" });
  });

  it("drops a mail whose next try would come after its end date", () => {
    expect(afterFailedAttempt({ attempts: 1, at: AT, expiresAt: plus(30_000) })).toEqual({ status: "expired" });
    expect(afterFailedAttempt({ attempts: 1, at: AT, expiresAt: plus(29_999) })).toEqual({ status: "expired" });
    expect(afterFailedAttempt({ attempts: 1, at: AT, expiresAt: plus(30_001) })).toEqual({ status: "pending", nextAttemptAt: plus(30_000) });
  });

  it("never makes a dead letter of a mail with an end date", () => {
    const farAway = plus(365 * 24 * 3_600_000);
    expect(afterFailedAttempt({ attempts: MAX_DELIVERY_ATTEMPTS, at: AT, expiresAt: farAway })).toEqual({ status: "expired" });
    expect(afterFailedAttempt({ attempts: MAX_DELIVERY_ATTEMPTS - 1, at: AT, expiresAt: farAway }).status).toBe("pending");
  });
});

describe("maskAddress", () => {
  it("keeps the first letter and the domain", () => {
    expect(maskAddress("bewoner@example.org")).toBe("b…@example.org");
    expect(maskAddress("a@b.nl")).toBe("a…@b.nl");
    expect(maskAddress('"x@y"@example.org')).toBe('"…@example.org');
  });

  it("hides everything of what is not an address", () => {
    expect(maskAddress("geen-adres")).toBe("…");
    expect(maskAddress("@example.org")).toBe("…");
    expect(maskAddress("")).toBe("…");
  });
});
