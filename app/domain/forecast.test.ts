import { describe, expect, it } from "vitest";
import { DAYS_PER_MONTH, forecastFund, forecastPot, type Decision, type ForecastInput, type PotForecast } from "./forecast";
import type { LedgerEntry, LedgerPot } from "./ledger";

// A pot of 2025 (365 days) with € 36.500: the plan is exactly € 100 (10_000 cents) a day.
const pot: LedgerPot = { id: "rijk-2025", periodStart: "2025-01-01", periodEnd: "2025-12-31" };
const BUDGET = 3_650_000;
const allocation: LedgerEntry = { id: "a", potId: pot.id, kind: "allocation", cents: BUDGET, date: "2025-01-01" };

let seq = 0;
const commitment = (date: string, cents: number, grantId = `g${++seq}`, potId = pot.id): LedgerEntry => ({
  id: `c${++seq}`,
  potId,
  grantId,
  kind: "commitment",
  cents,
  date,
});
const release = (date: string, cents: number, grantId: string): LedgerEntry => ({
  id: `r${++seq}`,
  potId: pot.id,
  grantId,
  kind: "release",
  cents,
  date,
});

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = Date.parse(from); d <= Date.parse(to); d += 86_400_000) out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

function run(input: Partial<ForecastInput> & { today: string }): PotForecast {
  const result = forecastPot({ pot, entries: [allocation], pipeline: [], decisions: [], ...input });
  if (!result.ok) throw new Error(result.reason);
  return result.forecast;
}

describe("forecastPot on invented histories", () => {
  it("spending exactly on plan: everything is spent, green", () => {
    // Two grants of € 50 every day from 1 January to 15 July.
    const entries = [allocation, ...days("2025-01-01", "2025-07-15").flatMap((d) => [commitment(d, 5_000), commitment(d, 5_000)])];
    const f = run({ entries, today: "2025-07-15" });
    expect(f.committedCents).toBe(1_960_000); // 196 days × € 100
    expect(f.plannedCents).toBe(1_960_000);
    expect(f.runRate).toEqual({
      basis: "recent_months",
      from: "2025-04-01",
      to: "2025-06-30",
      days: 91,
      netCents: 910_000,
      perMonthCents: 304_375,
      grants: 182,
    });
    expect(f.remainingDays).toBe(169);
    // future = 169 days × € 100; spread 10% (1/√183 is below the 10% floor).
    expect(f.forecast).toEqual({ lowCents: 3_481_000, centralCents: 3_650_000, highCents: 3_650_000 });
    expect(f.leftCents).toBe(0);
    expect(f.risk).toBe("green");
    expect(f.averageGrantCents).toBe(5_000);
    expect(f.sentence).toEqual({
      key: "forecast.sentence.on_track",
      endDate: "2025-12-31",
      amountCents: 0,
      count: null,
      perMonth: null,
    });
    expect(f.curve).toHaveLength(12);
    expect(f.curve[0]).toEqual({ date: "2025-01-31", plannedCents: 310_000, committedCents: 310_000 });
    expect(f.curve[5]).toEqual({ date: "2025-06-30", plannedCents: 1_810_000, committedCents: 1_810_000 });
    expect(f.curve[6]).toEqual({ date: "2025-07-31", plannedCents: 2_120_000, committedCents: null });
    expect(f.curve[11]).toEqual({ date: "2025-12-31", plannedCents: BUDGET, committedCents: null });
  });

  it("nothing spent halfway through the year: all left over, red", () => {
    const f = run({ today: "2025-07-02" });
    expect(f.committedCents).toBe(0);
    expect(f.plannedCents).toBe(1_830_000);
    expect(f.runRate).toMatchObject({ basis: "recent_months", days: 91, netCents: 0, perMonthCents: 0, grants: 0 });
    expect(f.remainingDays).toBe(182);
    expect(f.forecast).toEqual({ lowCents: 0, centralCents: 0, highCents: 0 });
    expect(f.leftCents).toBe(BUDGET);
    expect(f.risk).toBe("red");
    expect(f.averageGrantCents).toBeNull();
    expect(f.sentence).toEqual({
      key: "forecast.sentence.left_over_unknown_size",
      endDate: "2025-12-31",
      amountCents: BUDGET,
      count: null,
      perMonth: null,
    });
    // With the fund's decisions the size of an average grant is known: € 500.
    const decisions: Decision[] = [
      { requestedCents: 60_000, grantedCents: 50_000 },
      { requestedCents: 50_000, grantedCents: 50_000 },
      { requestedCents: 90_000, grantedCents: null },
    ];
    const known = run({ today: "2025-07-02", decisions });
    expect(known.averageGrantCents).toBe(50_000);
    // 73 grants of € 500 left; 73 in 182 days = 12.2 a month, so at least 13.
    expect(known.sentence).toEqual({
      key: "forecast.sentence.left_over",
      endDate: "2025-12-31",
      amountCents: BUDGET,
      count: 73,
      perMonth: 13,
    });
  });

  it("a burst in the last full month counts for a third of the run rate", () => {
    const burst = Array.from({ length: 91 }, () => commitment("2025-11-15", 20_000));
    const f = run({ entries: [allocation, ...burst], today: "2025-12-01" });
    expect(f.runRate).toMatchObject({ basis: "recent_months", from: "2025-09-01", to: "2025-11-30", days: 91, grants: 91 });
    expect(f.remainingDays).toBe(30);
    // € 200 a day for 30 days on top of € 18.200.
    expect(f.forecast).toEqual({ lowCents: 2_357_446, centralCents: 2_420_000, highCents: 2_482_554 });
    expect(f.leftCents).toBe(1_230_000);
    expect(f.risk).toBe("red");
    // 61.5 grants of € 200 rounds to 62; € 18.300 not yet committed in 30 days: 92.8 → 93 a month.
    expect(f.sentence).toMatchObject({ key: "forecast.sentence.left_over", count: 62, perMonth: 93 });
  });

  it("a burst in the last month of the period, seen on its last day", () => {
    const burst = Array.from({ length: 50 }, () => commitment("2025-12-10", 40_000));
    const f = run({ entries: [allocation, ...burst], today: "2025-12-31", pipeline: [{ requestedCents: 900_000 }] });
    expect(f.remainingDays).toBe(0);
    expect(f.forecast).toEqual({ lowCents: 2_000_000, centralCents: 2_000_000, highCents: 2_000_000 });
    expect(f.risk).toBe("red");
    expect(f.sentence).toEqual({
      key: "forecast.sentence.period_over",
      endDate: "2025-12-31",
      amountCents: 1_650_000,
      count: null,
      perMonth: null,
    });
  });

  it("a big pipeline with a low approval rate", () => {
    const early = Array.from({ length: 154 }, () => commitment("2025-03-01", 10_000));
    const recent = days("2025-07-01", "2025-09-30")
      .filter((_, i) => i % 2 === 0)
      .map((d) => commitment(d, 10_000));
    expect(recent).toHaveLength(46);
    const decisions: Decision[] = [
      ...Array.from({ length: 4 }, () => ({ requestedCents: 100_000, grantedCents: 50_000 })),
      ...Array.from({ length: 16 }, () => ({ requestedCents: 100_000, grantedCents: null })),
    ];
    const pipeline = Array.from({ length: 10 }, () => ({ requestedCents: 200_000 }));
    const f = run({ entries: [allocation, ...early, ...recent], pipeline, decisions, today: "2025-10-01" });
    expect(f.committedCents).toBe(2_000_000);
    expect(f.runRate).toMatchObject({ days: 92, netCents: 460_000, grants: 46, perMonthCents: 152_188 });
    // Approval 4 of 20 shrunk: (4 + 8) / 30 = 0.4. Granted/requested 0.5 shrunk: (4·0.5 + 9) / 14.
    expect(f.pipeline).toEqual({
      requestedCents: 2_000_000,
      approvalRate: 0.4,
      grantedRatio: 11 / 14,
      expectedCents: 628_571,
      decisions: 20,
    });
    // Horizon: pipeline € 6.285,71 beats 42 days × € 50; then 49 days × € 50.
    expect(f.forecast).toEqual({ lowCents: 2_746_148, centralCents: 2_873_571, highCents: 3_000_995 });
    expect(f.leftCents).toBe(776_429);
    expect(f.risk).toBe("amber");
    expect(f.averageGrantCents).toBe(10_000);
    expect(f.sentence).toMatchObject({ key: "forecast.sentence.left_over", count: 78, perMonth: 56 });

    // Without decisions the priors (80%, 90%) count: € 14.400 expected, capped at the budget.
    const naive = run({ entries: [allocation, ...early, ...recent], pipeline, today: "2025-10-01" });
    expect(naive.pipeline).toMatchObject({ approvalRate: 0.8, grantedRatio: 0.9, expectedCents: 1_440_000 });
    expect(naive.forecast.centralCents).toBe(BUDGET);
  });

  it("a small pipeline does not replace the run rate in the horizon", () => {
    const recent = days("2025-07-01", "2025-09-30")
      .filter((_, i) => i % 2 === 0)
      .map((d) => commitment(d, 10_000));
    const f = run({ entries: [allocation, ...recent], pipeline: [{ requestedCents: 1_000 }], today: "2025-10-01" });
    // 91 days × € 50, the € 7,20 pipeline falls inside it.
    expect(f.forecast.centralCents).toBe(460_000 + 455_000);
  });

  it("when fewer days remain than the horizon, only that part of the pipeline is decided in time", () => {
    const f = run({ pipeline: [{ requestedCents: 420_000 }], today: "2025-12-10" });
    // Expected 420_000 × 0.8 × 0.9 = 302_400; 21 of 42 days remain: half of it.
    expect(f.remainingDays).toBe(21);
    expect(f.forecast.centralCents).toBe(151_200);
    expect(f.pipeline.expectedCents).toBe(302_400);
  });

  it("releases lower the actual curve and the run rate", () => {
    const g = commitment("2025-04-10", 300_000, "g-big");
    const f = run({ entries: [allocation, g, release("2025-06-20", 100_000, "g-big")], today: "2025-07-10" });
    expect(f.committedCents).toBe(200_000);
    expect(f.runRate.netCents).toBe(200_000);
    expect(f.curve[4]).toMatchObject({ date: "2025-05-31", committedCents: 300_000 });
    expect(f.curve[5]).toMatchObject({ date: "2025-06-30", committedCents: 200_000 });
    // A grant released in full no longer counts for the average size.
    const cancelled = commitment("2025-05-01", 999_000, "g-cancelled");
    const f2 = run({
      entries: [allocation, g, cancelled, release("2025-05-02", 999_000, "g-cancelled")],
      today: "2025-07-10",
    });
    expect(f2.averageGrantCents).toBe(300_000);
    // More released than committed in the window gives a run rate of 0, not a negative one.
    const old = commitment("2025-01-05", 500_000, "g-old");
    const f3 = run({ entries: [allocation, old, release("2025-05-05", 400_000, "g-old")], today: "2025-07-10" });
    expect(f3.runRate).toMatchObject({ netCents: -400_000, perMonthCents: 0 });
    expect(f3.forecast.centralCents).toBe(100_000);
  });

  it("ignores other pots' entries and entries after today", () => {
    const other = commitment("2025-05-01", 77_000, "g-x", "other-pot");
    const later = commitment("2025-08-01", 55_000);
    const f = run({ entries: [allocation, other, later], today: "2025-07-01" });
    expect(f.committedCents).toBe(0);
    expect(f.budgetCents).toBe(BUDGET);
    expect(f.averageGrantCents).toBeNull();
  });
});

describe("forecastPot with little or no history", () => {
  it("an empty history on the first day assumes the plan, with the widest band", () => {
    const f = run({ today: "2025-01-01" });
    expect(f.runRate).toEqual({ basis: "plan", from: null, to: null, days: 0, netCents: 0, perMonthCents: 304_375, grants: 0 });
    expect(f.pipeline).toEqual({ requestedCents: 0, approvalRate: 0.8, grantedRatio: 0.9, expectedCents: 0, decisions: 0 });
    expect(f.remainingDays).toBe(364);
    expect(f.forecast).toEqual({ lowCents: 0, centralCents: 3_640_000, highCents: BUDGET });
    expect(f.leftCents).toBe(10_000);
    expect(f.risk).toBe("green");
  });

  it("uses the elapsed time when fewer than three full months lie in the period", () => {
    const entries = [allocation, commitment("2025-01-20", 600_000), commitment("2025-02-20", 300_000)];
    const f = run({ entries, today: "2025-03-02" });
    // Elapsed: 1 January – 2 March, 61 days, € 9.000.
    expect(f.runRate).toMatchObject({
      basis: "elapsed",
      from: "2025-01-01",
      to: "2025-03-02",
      days: 61,
      netCents: 900_000,
      grants: 2,
    });
    expect(f.runRate.perMonthCents).toBe(Math.round((900_000 / 61) * DAYS_PER_MONTH));
  });

  it("switches to the last three full months as soon as they lie in the period", () => {
    expect(run({ today: "2025-03-31" }).runRate).toMatchObject({ basis: "elapsed", from: "2025-01-01", days: 90 });
    expect(run({ today: "2025-04-01" }).runRate).toMatchObject({ basis: "recent_months", from: "2025-01-01", to: "2025-03-31" });
  });

  it("needs 28 days of evidence", () => {
    expect(run({ today: "2025-01-27" }).runRate.basis).toBe("plan");
    expect(run({ today: "2025-01-28" }).runRate).toMatchObject({ basis: "elapsed", days: 28 });
    expect(run({ today: "2025-01-05", options: { minEvidenceDays: 5 } }).runRate).toMatchObject({ basis: "elapsed", days: 5 });
    expect(run({ today: "2024-12-20", options: { minEvidenceDays: 0 } }).runRate.basis).toBe("plan");
  });

  it("before the period starts, the whole plan lies ahead", () => {
    const f = run({ today: "2024-12-15" });
    expect(f.remainingDays).toBe(365);
    expect(f.plannedCents).toBe(0);
    expect(f.forecast.centralCents).toBe(BUDGET);
    expect(f.sentence.key).toBe("forecast.sentence.on_track");
    expect(f.curve.every((p) => p.committedCents === null)).toBe(true);
  });

  it("after the period, the forecast is what was committed", () => {
    const f = run({ entries: [allocation, commitment("2025-06-01", 1_000_000)], today: "2026-02-01" });
    expect(f.remainingDays).toBe(0);
    expect(f.plannedCents).toBe(BUDGET);
    expect(f.runRate).toMatchObject({ basis: "recent_months", from: "2025-09-01", to: "2025-11-30" });
    expect(f.forecast).toEqual({ lowCents: 1_000_000, centralCents: 1_000_000, highCents: 1_000_000 });
    expect(f.sentence).toMatchObject({ key: "forecast.sentence.period_over", amountCents: 2_650_000 });
  });

  it("counts a commitment made today, and no window grants while it is too early", () => {
    const f = run({ entries: [allocation, commitment("2025-01-05", 50_000), commitment("2025-01-20", 12_000)], today: "2025-01-20" });
    expect(f.averageGrantCents).toBe(31_000);
    expect(f.committedCents).toBe(62_000);
    expect(f.runRate).toMatchObject({ basis: "plan", grants: 0 });
    // Plan basis: the widest band, so the low estimate is what is committed.
    expect(f.forecast.lowCents).toBe(62_000);
  });

  it("a pot without budget is green", () => {
    const f = run({ entries: [], today: "2025-06-01" });
    expect(f.budgetCents).toBe(0);
    expect(f.leftCents).toBe(0);
    expect(f.risk).toBe("green");
  });
});

describe("forecastPot: plan profile, thresholds, validation", () => {
  it("follows a monthly profile: nothing planned in the first half year", () => {
    const monthWeights = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
    const at = (today: string) => run({ today, options: { monthWeights } }).plannedCents;
    expect(at("2025-06-30")).toBe(0);
    expect(at("2025-07-15")).toBe(294_355); // 15/31 of a sixth
    expect(at("2025-09-30")).toBe(1_825_000);
    expect(at("2025-12-30")).toBe(Math.round((BUDGET * (5 + 30 / 31)) / 6));
    // The plan basis spreads the planned rest over the remaining days.
    const early = run({ today: "2025-01-10", options: { monthWeights } });
    expect(early.forecast.centralCents).toBe(BUDGET);
  });

  it("weights months by size: equal weights plan less in February than in January", () => {
    const equal = Array.from({ length: 12 }, () => 1);
    const f = run({ today: "2025-01-31", options: { monthWeights: equal } });
    expect(f.plannedCents).toBe(Math.round(BUDGET / 12));
    expect(f.curve[1]).toMatchObject({ date: "2025-02-28", plannedCents: Math.round((BUDGET * 2) / 12) });
  });

  it("plans a period that does not start on the first of a month", () => {
    const short: LedgerPot = { id: "rijk-2025", periodStart: "2025-03-15", periodEnd: "2025-04-13" };
    const f = forecastPot({ pot: short, entries: [allocation], pipeline: [], decisions: [], today: "2025-03-24" });
    expect(f.ok && f.forecast.plannedCents).toBe(1_216_667); // 10 of 30 days
    expect(f.ok && f.forecast.curve).toEqual([
      { date: "2025-03-31", plannedCents: 2_068_333, committedCents: null },
      { date: "2025-04-13", plannedCents: BUDGET, committedCents: null },
    ]);
  });

  it("ends the curve on a period end that is the first of a month", () => {
    const short: LedgerPot = { id: "rijk-2025", periodStart: "2025-03-15", periodEnd: "2025-04-01" };
    const f = forecastPot({ pot: short, entries: [allocation], pipeline: [], decisions: [], today: "2025-03-20" });
    expect(f.ok && f.forecast.curve.map((p) => p.date)).toEqual(["2025-03-31", "2025-04-01"]);
  });

  it("uses configurable thresholds", () => {
    const entries = [allocation, ...days("2025-01-01", "2025-06-30").map((d) => commitment(d, 8_000))];
    // 8_000 a day all year: 2_920_000 committed in the end, 730_000 (20%) left.
    const f = run({ entries, today: "2025-06-30" });
    expect(f.curve[5]).toEqual({ date: "2025-06-30", plannedCents: 1_810_000, committedCents: 1_448_000 });
    expect(f.leftCents).toBe(730_000);
    expect(f.risk).toBe("amber");
    expect(run({ entries, today: "2025-06-30", options: { redBasisPoints: 2_000 } }).risk).toBe("amber");
    expect(run({ entries, today: "2025-06-30", options: { redBasisPoints: 1_999 } }).risk).toBe("red");
    expect(run({ entries, today: "2025-06-30", options: { amberBasisPoints: 2_000 } }).risk).toBe("green");
    expect(run({ entries, today: "2025-06-30", options: { amberBasisPoints: 1_999 } }).risk).toBe("amber");
  });

  it("compares the share left over with the thresholds exactly, in basis points", () => {
    // Issue 12: € 7.000 budget, € 4.550 committed, the period over: € 2.450 = exactly 35 % is left.
    // As a fraction, 700_000 × 0.35 = 244_999.99…, so exactly 35 % counted as more than 35 %.
    const small: LedgerEntry[] = [{ ...allocation, cents: 700_000 }, commitment("2025-03-01", 455_000)];
    const f = run({ entries: small, today: "2026-01-15", options: { amberBasisPoints: 1_000, redBasisPoints: 3_500 } });
    expect(f.leftCents).toBe(245_000);
    expect(f.risk).toBe("amber");
    expect(run({ entries: small, today: "2026-01-15", options: { redBasisPoints: 3_499 } }).risk).toBe("red");
  });

  it("refuses thresholds that are not whole basis points from 0 to 10 000", () => {
    const base = { pot, entries: [allocation], pipeline: [], decisions: [], today: "2025-03-01" };
    for (const options of [{ amberBasisPoints: 0.1 }, { redBasisPoints: 10_001 }, { redBasisPoints: -1 }, { amberBasisPoints: Number.NaN }]) {
      expect(forecastPot({ ...base, options })).toEqual({ ok: false, reason: "invalid_risk_thresholds" });
      expect(forecastFund([base], options)).toEqual({ ok: false, reason: "invalid_risk_thresholds" });
    }
    expect(forecastPot({ ...base, options: { amberBasisPoints: 0, redBasisPoints: 10_000 } }).ok).toBe(true);
  });

  it("survives degenerate options: no prior weight, no horizon", () => {
    const noPrior = run({ today: "2025-06-30", pipeline: [{ requestedCents: 100_000 }], options: { priorWeight: 0 } });
    expect(noPrior.pipeline).toMatchObject({ approvalRate: 0.8, grantedRatio: 0.9, expectedCents: 72_000 });
    // As many decisions as the prior weighs: half observed, half prior.
    const even = run({
      today: "2025-06-30",
      decisions: [
        { requestedCents: 100_000, grantedCents: 50_000 },
        { requestedCents: 100_000, grantedCents: null },
      ],
      options: { priorWeight: 2 },
    });
    expect(even.pipeline.approvalRate).toBeCloseTo(0.65, 12); // (1 + 0.8·2) / 4
    expect(even.pipeline.grantedRatio).toBeCloseTo(2.3 / 3, 12); // (0.5 + 0.9·2) / 3
    const decided = run({
      today: "2025-06-30",
      decisions: [
        { requestedCents: 100_000, grantedCents: 50_000 },
        { requestedCents: 100_000, grantedCents: null },
      ],
      options: { priorWeight: 0 },
    });
    expect(decided.pipeline).toMatchObject({ approvalRate: 0.5, grantedRatio: 0.5 });
    // A horizon of 0 days counts as 1 day: the pipeline is expected tomorrow.
    const f = run({ today: "2025-06-30", pipeline: [{ requestedCents: 100_000 }], options: { horizonDays: 0 } });
    expect(f.forecast.centralCents).toBe(72_000);
    const f2 = run({ today: "2025-06-30", pipeline: [{ requestedCents: 100_000 }], options: { horizonDays: 2 } });
    expect(f2.forecast.centralCents).toBe(72_000);
  });

  it("refuses bad dates, an inverted period and a bad profile", () => {
    const base = { pot, entries: [allocation], pipeline: [], decisions: [] };
    expect(forecastPot({ ...base, today: "2025-13-01" })).toEqual({ ok: false, reason: "invalid_date", date: "2025-13-01" });
    expect(forecastPot({ ...base, pot: { ...pot, periodStart: "2025-1-1" }, today: "2025-03-01" })).toEqual({
      ok: false,
      reason: "invalid_date",
      date: "2025-1-1",
    });
    expect(forecastPot({ ...base, pot: { ...pot, periodEnd: "2025-02-30" }, today: "2025-03-01" })).toMatchObject({
      reason: "invalid_date",
      date: "2025-02-30",
    });
    expect(forecastPot({ ...base, pot: { ...pot, periodEnd: "2024-12-31" }, today: "2025-03-01" })).toEqual({
      ok: false,
      reason: "invalid_period",
      periodStart: "2025-01-01",
      periodEnd: "2024-12-31",
    });
    const one = { ...pot, periodEnd: "2025-01-01" };
    const oneDay = forecastPot({ ...base, pot: one, today: "2025-01-01" });
    expect(oneDay.ok && oneDay.forecast.forecast).toEqual({ lowCents: 0, centralCents: 0, highCents: 0 });
    expect(oneDay.ok && oneDay.forecast.runRate.basis).toBe("plan");
    const bad = (monthWeights: number[]) => forecastPot({ ...base, today: "2025-03-01", options: { monthWeights } });
    expect(bad([1, 1, 1])).toEqual({ ok: false, reason: "invalid_month_weights" });
    expect(bad(Array.from({ length: 12 }, () => 0))).toEqual({ ok: false, reason: "invalid_month_weights" });
    expect(bad([...Array.from({ length: 11 }, () => 1), -1])).toEqual({ ok: false, reason: "invalid_month_weights" });
    expect(bad([...Array.from({ length: 11 }, () => 1), Number.NaN])).toEqual({ ok: false, reason: "invalid_month_weights" });
    expect(bad([...Array.from({ length: 11 }, () => 0), 1]).ok).toBe(true);
  });
});

describe("forecastFund", () => {
  const partner: LedgerPot = { id: "partner-2025", periodStart: "2025-01-01", periodEnd: "2025-12-31" };
  const partnerAllocation: LedgerEntry = { id: "pa", potId: partner.id, kind: "allocation", cents: BUDGET, date: "2025-01-01" };

  it("adds the pots up and judges the sum", () => {
    // Rijk on plan (€ 100 a day), partner nothing: half of the fund's money is left.
    const rijkEntries = [allocation, ...days("2025-01-01", "2025-07-15").map((d) => commitment(d, 10_000))];
    const result = forecastFund([
      { pot, entries: rijkEntries, pipeline: [], decisions: [], today: "2025-07-15" },
      { pot: partner, entries: [partnerAllocation], pipeline: [], decisions: [], today: "2025-07-15" },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const f = result.forecast;
    expect(f.pots.map((p) => p.potId)).toEqual(["rijk-2025", "partner-2025"]);
    expect(f.budgetCents).toBe(2 * BUDGET);
    expect(f.committedCents).toBe(1_960_000);
    expect(f.plannedCents).toBe(2 * 1_960_000);
    expect(f.forecast).toEqual({
      lowCents: f.pots[0]!.forecast.lowCents,
      centralCents: BUDGET,
      highCents: BUDGET,
    });
    expect(f.leftCents).toBe(BUDGET);
    expect(f.risk).toBe("red");
    expect(f.endDate).toBe("2025-12-31");
    expect(f.remainingDays).toBe(169);
    expect(f.averageGrantCents).toBe(10_000);
    expect(f.sentence).toEqual({
      key: "forecast.sentence.left_over",
      endDate: "2025-12-31",
      amountCents: BUDGET,
      count: 365,
      perMonth: 97, // € 53.400 not committed = 534 grants in 169 days = 96.2 a month
    });
    const lenient = forecastFund([{ pot: partner, entries: [partnerAllocation], pipeline: [], decisions: [], today: "2025-07-15" }], {
      redBasisPoints: 10_000,
      amberBasisPoints: 10_000,
    });
    expect(lenient.ok && lenient.forecast.risk).toBe("green");
  });

  it("counts a co-funded grant once for the average size, and takes the latest end", () => {
    const later: LedgerPot = { id: "partner-2025", periodStart: "2025-01-01", periodEnd: "2026-06-30" };
    const result = forecastFund([
      { pot, entries: [allocation, commitment("2025-03-01", 80_000, "g-co")], pipeline: [], decisions: [], today: "2025-07-01" },
      {
        pot: later,
        entries: [partnerAllocation, commitment("2025-03-01", 20_000, "g-co", "partner-2025")],
        pipeline: [],
        decisions: [],
        today: "2025-07-01",
      },
    ]);
    expect(result.ok && result.forecast.averageGrantCents).toBe(100_000);
    expect(result.ok && result.forecast.endDate).toBe("2026-06-30");
    expect(result.ok && result.forecast.remainingDays).toBe(364);
  });

  it("counts every entry once when the pots share one entries list", () => {
    // Issue 12: grants of € 100 and € 300 in two pots, one list given to both, averaged € 400.
    const shared = [allocation, partnerAllocation, commitment("2025-03-01", 10_000, "g-small"), commitment("2025-03-02", 30_000, "g-large", "partner-2025")];
    const input = (p: LedgerPot): ForecastInput => ({ pot: p, entries: shared, pipeline: [], decisions: [], today: "2025-07-01" });
    const result = forecastFund([input(pot), input(partner)]);
    expect(result.ok && result.forecast.averageGrantCents).toBe(20_000);
    expect(result.ok && result.forecast.committedCents).toBe(40_000);
    expect(result.ok && result.forecast.budgetCents).toBe(2 * BUDGET);
    // The same entry given in two lists (one per pot and one shared) also counts once.
    const mixed = forecastFund([input(pot), { ...input(partner), entries: [partnerAllocation, shared[3]!] }]);
    expect(mixed.ok && mixed.forecast.averageGrantCents).toBe(20_000);
  });

  it("falls back on decisions for the average size", () => {
    const decisions = [{ requestedCents: 1, grantedCents: 30_000 }];
    const result = forecastFund([{ pot, entries: [allocation], pipeline: [], decisions, today: "2025-07-01" }]);
    expect(result.ok && result.forecast.averageGrantCents).toBe(30_000);
  });

  it("refuses no pots, or a pot that cannot be forecast", () => {
    expect(forecastFund([])).toEqual({ ok: false, reason: "no_pots" });
    expect(forecastFund([{ pot, entries: [], pipeline: [], decisions: [], today: "nope" }])).toEqual({
      ok: false,
      reason: "invalid_date",
      date: "nope",
    });
  });
});
