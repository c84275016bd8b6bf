import { describe, expect, it } from "vitest";
import { answerClockStartedAt, answerDue, answerReceived } from "./lifecycle";

// Submitted Friday 13 November 2026, 20:00 in Amsterdam (19:00 UTC): five working days later is Friday 20 November.
const submitted = new Date("2026-11-13T19:00:00Z");

describe("answerDue", () => {
  it("gives the answer-by date while the bureau owes an answer, and says when it has passed", () => {
    const at = (status: "submitted" | "in_review" | "awaiting_second_review", now: string) =>
      answerDue({ status, clockStartedAt: submitted, now: new Date(now) });
    expect(at("submitted", "2026-11-20T22:00:00Z")).toEqual({ due: "2026-11-20", overdue: false });
    expect(at("in_review", "2026-11-20T23:30:00Z")).toEqual({ due: "2026-11-20", overdue: true });
    expect(at("awaiting_second_review", "2026-11-16T09:00:00Z")).toEqual({ due: "2026-11-20", overdue: false });
  });

  it("has no date once the resident is asked something or a decision is made", () => {
    for (const status of ["draft", "needs_info", "approved", "declined", "paid", "withdrawn"] as const) {
      expect(answerDue({ status, clockStartedAt: submitted, now: new Date("2026-12-31T12:00:00Z") })).toBeNull();
    }
  });

  it("takes the target in working days as a setting, 5 by default, and the bureau's calendar", () => {
    const now = new Date("2026-11-18T12:00:00Z");
    expect(answerDue({ status: "submitted", clockStartedAt: submitted, now, targetWorkingDays: 2 })).toEqual({
      due: "2026-11-17",
      overdue: true,
    });
    expect(answerDue({ status: "submitted", clockStartedAt: submitted, now, targetWorkingDays: 10 })).toEqual({
      due: "2026-11-27",
      overdue: false,
    });
    const closed = { closingDays: ["2026-11-16", "2026-11-17"] };
    expect(answerDue({ status: "submitted", clockStartedAt: submitted, now, calendar: closed })).toEqual({
      due: "2026-11-24",
      overdue: false,
    });
  });
});

describe("the answer clock restarts when the resident answers a question (decision 010)", () => {
  // Issue 12: submitted Monday 2 November, asked a question on Wednesday 4 November, answered on
  // Monday 16 November at 10:00. Counted from the submission, the answer was due 9 November, so on
  // Tuesday 17 November the application was late the day after the resident answered.
  const history = [
    { action: "submit" as const, at: new Date("2026-11-02T08:00:00Z") },
    { action: "take" as const, at: new Date("2026-11-03T08:00:00Z") },
    { action: "ask_question" as const, at: new Date("2026-11-04T08:00:00Z") },
    { action: "submit" as const, at: new Date("2026-11-16T09:00:00Z") },
    { action: "take" as const, at: new Date("2026-11-16T10:00:00Z") },
  ];
  const tuesday = new Date("2026-11-17T12:00:00Z");

  it("starts the clock at the latest submit: the answer, not the first submission", () => {
    expect(answerClockStartedAt(history)).toEqual(new Date("2026-11-16T09:00:00Z"));
    // In any order.
    expect(answerClockStartedAt([...history].reverse())).toEqual(new Date("2026-11-16T09:00:00Z"));
  });

  it("gives the bureau five full working days after the answer", () => {
    const clockStartedAt = answerClockStartedAt(history)!;
    expect(answerDue({ status: "in_review", clockStartedAt, now: tuesday })).toEqual({ due: "2026-11-23", overdue: false });
    expect(answerDue({ status: "in_review", clockStartedAt, now: new Date("2026-11-24T08:00:00Z") })).toEqual({
      due: "2026-11-23",
      overdue: true,
    });
  });

  it("restarts rather than pauses: a question on the fourth day still leaves five days after the answer", () => {
    const late = [
      { action: "submit" as const, at: new Date("2026-11-02T08:00:00Z") },
      { action: "ask_question" as const, at: new Date("2026-11-06T08:00:00Z") },
      { action: "submit" as const, at: new Date("2026-11-09T08:00:00Z") },
    ];
    expect(answerDue({ status: "submitted", clockStartedAt: answerClockStartedAt(late)!, now: tuesday })).toEqual({
      due: "2026-11-16",
      overdue: true,
    });
    expect(answerDue({ status: "submitted", clockStartedAt: answerClockStartedAt(late)!, now: new Date("2026-11-16T12:00:00Z") })).toEqual({
      due: "2026-11-16",
      overdue: false,
    });
  });

  it("has no start before the first submission", () => {
    expect(answerClockStartedAt([])).toBeNull();
    expect(answerClockStartedAt([{ action: "withdraw", at: tuesday }])).toBeNull();
  });
});

describe("answerReceived", () => {
  const submittedAt = "2026-11-16T09:00:00.000Z";
  it("only when submitted again after the first submission", () => {
    expect(answerReceived({ status: "submitted", submittedAt, clockStartedAt: "2026-11-18T10:00:00.000Z" })).toBe(true);
    expect(answerReceived({ status: "submitted", submittedAt, clockStartedAt: "2026-11-16T09:00:00.001Z" })).toBe(true);
    expect(answerReceived({ status: "submitted", submittedAt, clockStartedAt: submittedAt })).toBe(false);
    expect(answerReceived({ status: "submitted", submittedAt, clockStartedAt: null })).toBe(false);
  });
  it("not once the bureau took it up again, nor while the question is open", () => {
    expect(answerReceived({ status: "in_review", submittedAt, clockStartedAt: "2026-11-18T10:00:00.000Z" })).toBe(false);
    expect(answerReceived({ status: "needs_info", submittedAt, clockStartedAt: "2026-11-18T10:00:00.000Z" })).toBe(false);
  });
});
