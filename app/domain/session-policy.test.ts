import { describe, expect, it } from "vitest";
import { isStaff, lifetimeFor, needsTouch, sessionState, RESIDENT_LIFETIME, STAFF_LIFETIME, TOUCH_INTERVAL_MS } from "./session-policy";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("session lifetimes", () => {
  it("staff: 2 hours idle, 12 hours in all", () => {
    expect(STAFF_LIFETIME).toEqual({ idleMs: 2 * HOUR, absoluteMs: 12 * HOUR });
  });
  it("residents: 7 days idle, 30 days in all", () => {
    expect(RESIDENT_LIFETIME).toEqual({ idleMs: 7 * DAY, absoluteMs: 30 * DAY });
  });
  it.each([
    [["reviewer"], true],
    [["fund_admin", "reviewer"], true],
    [["fund_admin"], true],
    [["supporter"], true],
    [["partner"], true],
    [["resident"], false],
    [[], false],
  ] as const)("%j is staff: %s", (roles, staff) => {
    expect(isStaff(roles)).toBe(staff);
    expect(lifetimeFor(roles)).toBe(staff ? STAFF_LIFETIME : RESIDENT_LIFETIME);
  });
});

describe("sessionState", () => {
  const base = { createdAt: 0, lastSeenAt: 0, idleMs: 10, absoluteMs: 100, revokedAt: null };
  it("is active until the idle time has passed since last use", () => {
    expect(sessionState(base, 9)).toBe("active");
    expect(sessionState(base, 10)).toBe("idle");
    expect(sessionState({ ...base, lastSeenAt: 50 }, 59)).toBe("active");
    expect(sessionState({ ...base, lastSeenAt: 50 }, 60)).toBe("idle");
  });
  it("ends at the absolute lifetime even when used all the time", () => {
    expect(sessionState({ ...base, lastSeenAt: 99 }, 99)).toBe("active");
    expect(sessionState({ ...base, lastSeenAt: 99 }, 100)).toBe("expired");
  });
  it("a revoked session never comes back", () => {
    expect(sessionState({ ...base, revokedAt: 5 }, 1)).toBe("revoked");
  });
});

describe("needsTouch", () => {
  it("writes last seen at most once a minute", () => {
    expect(needsTouch(0, TOUCH_INTERVAL_MS - 1)).toBe(false);
    expect(needsTouch(0, TOUCH_INTERVAL_MS)).toBe(true);
    expect(needsTouch(1_000_000, 1_000_000 + TOUCH_INTERVAL_MS - 1)).toBe(false);
    expect(needsTouch(1_000_000, 1_000_000 + TOUCH_INTERVAL_MS)).toBe(true);
    expect(TOUCH_INTERVAL_MS).toBe(60_000);
  });
});
