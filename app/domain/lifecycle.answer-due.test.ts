import { describe, expect, it } from "vitest";
import { answerDue } from "./lifecycle";

// Submitted Friday 13 November 2026, 20:00 in Amsterdam (19:00 UTC): five working days later is Friday 20 November.
const submitted = new Date("2026-11-13T19:00:00Z");

describe("answerDue", () => {
  it("gives the answer-by date while the bureau owes an answer, and says when it has passed", () => {
    expect(answerDue("submitted", submitted, new Date("2026-11-20T22:00:00Z"))).toEqual({ due: "2026-11-20", overdue: false });
    expect(answerDue("in_review", submitted, new Date("2026-11-20T23:30:00Z"))).toEqual({ due: "2026-11-20", overdue: true });
    expect(answerDue("awaiting_second_review", submitted, new Date("2026-11-16T09:00:00Z"))).toEqual({ due: "2026-11-20", overdue: false });
  });

  it("has no date once the resident is asked something or a decision is made", () => {
    for (const status of ["draft", "needs_info", "approved", "declined", "paid", "withdrawn"] as const) {
      expect(answerDue(status, submitted, new Date("2026-12-31T12:00:00Z"))).toBeNull();
    }
  });
});
