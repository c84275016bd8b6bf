import { describe, expect, it } from "vitest";
import { addMonths, closedSince, statusLinkExpired } from "./status-link";
import { APPLICATION_STATUSES, FINAL_STATUSES } from "./lifecycle";

describe("closedSince", () => {
  it("is the stored closing time when there is one", () => {
    expect(closedSince({ status: "closed", closedAt: "2026-01-02T03:04:05.000Z", updatedAt: "2026-05-01T00:00:00.000Z" })).toBe("2026-01-02T03:04:05.000Z");
  });

  it("is the last change for a final status without a stored closing time", () => {
    for (const status of FINAL_STATUSES) {
      expect(closedSince({ status, closedAt: null, updatedAt: "2026-05-01T00:00:00.000Z" }), status).toBe("2026-05-01T00:00:00.000Z");
    }
  });

  it("is null while the application is open", () => {
    for (const status of APPLICATION_STATUSES.filter((s) => !FINAL_STATUSES.includes(s))) {
      expect(closedSince({ status, closedAt: null, updatedAt: "2026-05-01T00:00:00.000Z" }), status).toBeNull();
    }
  });
});

describe("addMonths", () => {
  it("adds calendar months and keeps the time of day", () => {
    expect(addMonths(new Date("2026-03-15T10:20:30.400Z"), 12).toISOString()).toBe("2027-03-15T10:20:30.400Z");
    expect(addMonths(new Date("2026-11-15T00:00:00.000Z"), 3).toISOString()).toBe("2027-02-15T00:00:00.000Z");
  });

  it("ends on the last day of a shorter month", () => {
    expect(addMonths(new Date("2026-01-31T12:00:00.000Z"), 1).toISOString()).toBe("2026-02-28T12:00:00.000Z");
    expect(addMonths(new Date("2027-01-31T12:00:00.000Z"), 13).toISOString()).toBe("2028-02-29T12:00:00.000Z");
    expect(addMonths(new Date("2026-03-31T12:00:00.000Z"), 1).toISOString()).toBe("2026-04-30T12:00:00.000Z");
    expect(addMonths(new Date("2026-12-31T12:00:00.000Z"), 1).toISOString()).toBe("2027-01-31T12:00:00.000Z");
  });
});

describe("statusLinkExpired", () => {
  const closed = "2026-01-15T09:00:00.000Z";
  it("never expires while the application is open", () => {
    expect(statusLinkExpired(null, new Date("2099-01-01T00:00:00Z"), 12)).toBe(false);
  });

  it("works until the set number of months after closing, and not from that moment on", () => {
    expect(statusLinkExpired(closed, new Date("2026-01-15T09:00:00.000Z"), 12)).toBe(false);
    expect(statusLinkExpired(closed, new Date("2027-01-15T08:59:59.999Z"), 12)).toBe(false);
    expect(statusLinkExpired(closed, new Date("2027-01-15T09:00:00.000Z"), 12)).toBe(true);
    expect(statusLinkExpired(closed, new Date("2027-06-01T00:00:00.000Z"), 12)).toBe(true);
    expect(statusLinkExpired(closed, new Date("2026-02-15T09:00:00.000Z"), 1)).toBe(true);
    expect(statusLinkExpired(closed, new Date("2026-02-15T08:59:59.999Z"), 1)).toBe(false);
  });
});
