// Will the money be spent? Underspend (onderuitputting) is the fund's named risk (domain.md §1,
// 000:419), and the monitor asks to make progress, or its absence, visible early (004:1660).
// For a pot on a given day this module gives the planned pace, the actual curve (commitments
// net of releases, from the ledger) and a forecast of what will be committed at the period end,
// with a low and a high estimate, a risk level and the data of the sentence the bureau acts on.
//
// The forecast, in plain words:
// - Run rate: net commitments per day over the last 3 full calendar months before today, or
//   over the whole elapsed part of the period when fewer full months lie in it. With fewer than
//   28 days of evidence (or before the period starts) it is too early to tell, and the plan's
//   own pace for the rest of the period is assumed instead.
// - Pipeline: open applications (submitted, in review, awaiting information) × the approval
//   rate × the granted/requested ratio. Both rates are shrunk toward priors (80% approved,
//   90% of the requested amount granted) as if the priors were 10 extra decisions.
// - No double counting: the pipeline is the run rate's near future. Open applications are
//   decided within the horizon (6 weeks), so for that horizon we take whichever is larger, the
//   expected pipeline or the run rate; beyond it only the run rate. When fewer days remain than
//   the horizon, only that part of the pipeline is expected to be decided in time.
//     forecast = committed + max(pipeline × h/H, rate × h) + rate × (remaining − h),
//     h = min(H, remaining), never more than the budget.
// - Low/high: the future part ± a relative error of 1/√(n+1), n = grants committed in the
//   run-rate window (counts behave like Poisson counts), between 10% and 100%.
// - Risk: amber when more than 10% of the budget is forecast to be left, red above 25%; the
//   thresholds are whole basis points (decision 012) and compared exactly, in integers.
// The rates above (approval rate, granted ratio, priors, spread) are estimates, not money
// shares, and stay floating point; every amount is rounded to whole cents once.
import { isBasisPoints, shareOfCents, type BasisPoints, type Cents } from "./money";
import { isIsoDate, potBalance, type LedgerEntry, type LedgerPot } from "./ledger";
import { ok, refuse, type Ok, type Refusal } from "./result";

/** Average month length in days (365.25 / 12), used to turn days into months. */
export const DAYS_PER_MONTH = 30.4375;

export type ForecastOptions = Readonly<{
  /** Relative weights of January … December for the planned pace; default: equal per day. */
  monthWeights?: readonly number[];
  runRateMonths?: number;
  minEvidenceDays?: number;
  horizonDays?: number;
  priorApprovalRate?: number;
  priorGrantedRatio?: number;
  /** How many decisions the priors weigh. */
  priorWeight?: number;
  /** Share of the budget left over above which the risk is amber / red, in whole basis points. */
  amberBasisPoints?: BasisPoints;
  redBasisPoints?: BasisPoints;
}>;

const DEFAULTS = {
  runRateMonths: 3,
  minEvidenceDays: 28,
  horizonDays: 42,
  priorApprovalRate: 0.8,
  priorGrantedRatio: 0.9,
  priorWeight: 10,
  amberBasisPoints: 1_000,
  redBasisPoints: 2_500,
};

/** An open application this pot is expected to fund (for a co-funded pot: its share). */
export type PipelineItem = Readonly<{ requestedCents: Cents }>;
/** A past decision; grantedCents null means rejected. */
export type Decision = Readonly<{ requestedCents: Cents; grantedCents: Cents | null }>;

export type ForecastInput = Readonly<{
  pot: LedgerPot;
  /** The pot's ledger entries (entries of other pots are ignored). */
  entries: readonly LedgerEntry[];
  pipeline: readonly PipelineItem[];
  decisions: readonly Decision[];
  today: string;
  options?: ForecastOptions;
}>;

export type RiskLevel = "green" | "amber" | "red";

export type CurvePoint = Readonly<{ date: string; plannedCents: Cents; committedCents: Cents | null }>;

export type SentenceKey =
  "forecast.sentence.on_track" | "forecast.sentence.left_over" | "forecast.sentence.left_over_unknown_size" | "forecast.sentence.period_over";

/** The sentence the bureau acts on: a catalogue key and raw values (the UI formats them). */
export type Sentence = Readonly<{
  key: SentenceKey;
  endDate: string;
  amountCents: Cents;
  count: number | null;
  perMonth: number | null;
}>;

export type Estimate = Readonly<{ lowCents: Cents; centralCents: Cents; highCents: Cents }>;

export type RunRate = Readonly<{
  basis: "recent_months" | "elapsed" | "plan";
  from: string | null;
  to: string | null;
  days: number;
  netCents: Cents;
  perMonthCents: Cents;
  grants: number;
}>;

export type PipelineForecast = Readonly<{
  requestedCents: Cents;
  approvalRate: number;
  grantedRatio: number;
  expectedCents: Cents;
  decisions: number;
}>;

/** What a pot's forecast and the fund's summed forecast both say. */
type ForecastTotals = Readonly<{
  endDate: string;
  budgetCents: Cents;
  committedCents: Cents;
  plannedCents: Cents;
  remainingDays: number;
  forecast: Estimate;
  leftCents: Cents;
  risk: RiskLevel;
  averageGrantCents: Cents | null;
  sentence: Sentence;
}>;

export type PotForecast = ForecastTotals & Readonly<{ potId: string; today: string; curve: CurvePoint[]; runRate: RunRate; pipeline: PipelineForecast }>;

export type FundForecast = ForecastTotals & Readonly<{ pots: PotForecast[] }>;

export type ForecastRefusal =
  | Refusal<"invalid_date", { date: string }>
  | Refusal<"invalid_period", { periodStart: string; periodEnd: string }>
  | Refusal<"invalid_month_weights">
  | Refusal<"invalid_risk_thresholds">
  | Refusal<"no_pots">;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on "YYYY-MM-DD" strings (UTC, no clock).

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** First day of the month `months` after the month of `date` (negative: before). */
function monthStart(date: string, months: number): string {
  return dateOf(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 + months, 1) / DAY_MS);
}

function daysInMonth(date: string): number {
  return dayNumber(monthStart(date, 1)) - dayNumber(monthStart(date, 0));
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

// ---------------------------------------------------------------------------------------------

/** Planned cumulative amount per day of the period: day weights from the month profile. */
function planner(pot: LedgerPot, budget: Cents, weights: readonly number[] | undefined) {
  const start = dayNumber(pot.periodStart);
  const cumulative: number[] = [];
  let total = 0;
  for (let day = start; day <= dayNumber(pot.periodEnd); day++) {
    const date = dateOf(day);
    total += weights === undefined ? 1 : weights[Number(date.slice(5, 7)) - 1]! / daysInMonth(date);
    cumulative.push(total);
  }
  /** Planned by the end of `date`. */
  return (date: string): Cents => {
    if (date < pot.periodStart) return 0;
    if (date >= pot.periodEnd) return budget;
    return Math.round((budget * cumulative[dayNumber(date) - start]!) / total);
  };
}

/** Commitments net of releases dated up to `to` (and from `from`), both included. */
function netCommitted(entries: readonly LedgerEntry[], to: string, from = ""): Cents {
  let net = 0;
  for (const e of entries) {
    if (e.date < from || e.date > to) continue;
    if (e.kind === "commitment") net += e.cents;
    if (e.kind === "release") net -= e.cents;
  }
  return net;
}

/** (observed total + prior × weight) / (count + weight): the priors act as `weight` extra cases. */
function shrink(observedTotal: number, count: number, prior: number, weight: number): number {
  return count + weight === 0 ? prior : (observedTotal + prior * weight) / (count + weight);
}

/** `left > shareOfCents(budget, bp)` is exactly "more than bp of the budget", for whole cents. */
function riskOf(left: Cents, budget: Cents, o: typeof DEFAULTS): RiskLevel {
  if (left > shareOfCents(budget, o.redBasisPoints)) return "red";
  if (left > shareOfCents(budget, o.amberBasisPoints)) return "amber";
  return "green";
}

type Thresholds = Pick<ForecastOptions, "amberBasisPoints" | "redBasisPoints">;

function thresholdRefusal(options: Thresholds | undefined): ForecastRefusal | null {
  const { amberBasisPoints, redBasisPoints } = { ...DEFAULTS, ...options };
  return isBasisPoints(amberBasisPoints) && isBasisPoints(redBasisPoints) ? null : refuse("invalid_risk_thresholds");
}

function sentenceOf(endDate: string, left: Cents, available: Cents, remainingDays: number, average: Cents | null): Sentence {
  const base = { endDate, amountCents: left, count: null, perMonth: null };
  if (left === 0) return { ...base, key: "forecast.sentence.on_track" };
  if (remainingDays === 0) return { ...base, key: "forecast.sentence.period_over" };
  if (average === null) return { ...base, key: "forecast.sentence.left_over_unknown_size" };
  return {
    ...base,
    key: "forecast.sentence.left_over",
    count: Math.round(left / average),
    // To spend all money not yet committed, at least this many approvals a month from now on.
    perMonth: Math.ceil((available * DAYS_PER_MONTH) / (average * remainingDays)),
  };
}

/**
 * Average net commitment per grant (over the given pots, so a co-funded grant counts once);
 * grants released in full do not count. Null when there is none.
 */
function averagePerGrant(entries: readonly LedgerEntry[], potIds: readonly string[], upTo: string): Cents | null {
  const perGrant = new Map<string | undefined, Cents>();
  const add = (grantId: string | undefined, cents: Cents) => perGrant.set(grantId, (perGrant.get(grantId) ?? 0) + cents);
  for (const e of entries) {
    if (e.date > upTo || !potIds.includes(e.potId)) continue;
    if (e.kind === "commitment") add(e.grantId, e.cents);
    if (e.kind === "release") add(e.grantId, -e.cents);
  }
  const sizes = [...perGrant.values()].filter((c) => c > 0);
  return sizes.length === 0 ? null : Math.round(sizes.reduce((s, c) => s + c, 0) / sizes.length);
}

function averageDecided(decisions: readonly Decision[]): Cents | null {
  const granted = decisions.flatMap((d) => (d.grantedCents === null ? [] : [d.grantedCents]));
  return granted.length === 0 ? null : Math.round(granted.reduce((s, c) => s + c, 0) / granted.length);
}

function validate(input: ForecastInput): ForecastRefusal | null {
  const { pot, today, options } = input;
  for (const date of [today, pot.periodStart, pot.periodEnd]) {
    if (!isIsoDate(date)) return refuse("invalid_date", { date });
  }
  if (pot.periodEnd < pot.periodStart) {
    return refuse("invalid_period", { periodStart: pot.periodStart, periodEnd: pot.periodEnd });
  }
  const weights = options?.monthWeights;
  if (weights !== undefined && (weights.length !== 12 || weights.some((w) => !(w >= 0)) || !weights.some((w) => w > 0))) {
    return refuse("invalid_month_weights");
  }
  return thresholdRefusal(options);
}

export function forecastPot(input: ForecastInput): Ok<{ forecast: PotForecast }> | ForecastRefusal {
  const refusal = validate(input);
  if (refusal !== null) return refusal;
  const { pot, today } = input;
  const o = { ...DEFAULTS, ...input.options };
  const entries = input.entries.filter((e) => e.potId === pot.id);
  const budget = potBalance(entries, pot.id).budget;
  const planned = planner(pot, budget, input.options?.monthWeights);

  // "As of": today, but never past the period end (nothing can be committed after it).
  const asOf = minDate(today, pot.periodEnd);
  const committed = netCommitted(entries, today);
  const nextDay = maxDate(dateOf(dayNumber(today) + 1), pot.periodStart);
  const remainingDays = Math.max(0, dayNumber(pot.periodEnd) - dayNumber(nextDay) + 1);

  // Run rate window: the last full months before asOf's month, or the elapsed part of the period.
  const recentFrom = monthStart(asOf, -o.runRateMonths);
  const recent = recentFrom >= pot.periodStart;
  const from = recent ? recentFrom : pot.periodStart;
  const to = recent ? dateOf(dayNumber(monthStart(asOf, 0)) - 1) : asOf;
  const windowDays = Math.max(0, dayNumber(to) - dayNumber(from) + 1);
  const evidence = windowDays >= Math.max(1, o.minEvidenceDays);
  const windowNet = evidence ? netCommitted(entries, to, from) : 0;
  const grantsInWindow = evidence ? new Set(entries.filter((e) => e.kind === "commitment" && e.date >= from && e.date <= to).map((e) => e.grantId)).size : 0;
  const ratePerDay = evidence
    ? Math.max(0, windowNet / windowDays)
    : remainingDays === 0
      ? 0
      : (budget - planned(dateOf(dayNumber(nextDay) - 1))) / remainingDays;
  const runRate: RunRate = {
    basis: evidence ? (recent ? "recent_months" : "elapsed") : "plan",
    from: evidence ? from : null,
    to: evidence ? to : null,
    days: evidence ? windowDays : 0,
    netCents: windowNet,
    perMonthCents: Math.round(ratePerDay * DAYS_PER_MONTH),
    grants: grantsInWindow,
  };

  // Pipeline, with approval rate and granted/requested ratio shrunk toward the priors.
  const approved = input.decisions.filter((d) => d.grantedCents !== null);
  const requestedApproved = approved.reduce((s, d) => s + d.requestedCents, 0);
  const grantedApproved = approved.reduce((s, d) => s + d.grantedCents!, 0);
  const n = input.decisions.length;
  const k = approved.length;
  const approvalRate = shrink(k, n, o.priorApprovalRate, o.priorWeight);
  // k approvals with an amount-weighted ratio count as k observations of that ratio.
  const observedRatio = requestedApproved === 0 ? 0 : grantedApproved / requestedApproved;
  const grantedRatio = shrink(k * observedRatio, k, o.priorGrantedRatio, o.priorWeight);
  const requested = input.pipeline.reduce((s, p) => s + p.requestedCents, 0);
  const pipelineExpected = requested * approvalRate * grantedRatio;

  // Combine: pipeline or run rate for the horizon, run rate beyond it.
  const horizon = Math.max(1, o.horizonDays);
  const h = Math.min(horizon, remainingDays);
  const near = Math.max((pipelineExpected * h) / horizon, ratePerDay * h);
  const future = near + ratePerDay * (remainingDays - h);
  const spread = Math.max(0.1, 1 / Math.sqrt(grantsInWindow + 1));
  const estimate = (factor: number) => Math.min(budget, committed + Math.round(future * factor));
  const forecast: Estimate = {
    lowCents: estimate(1 - spread),
    centralCents: estimate(1),
    highCents: estimate(1 + spread),
  };
  const leftCents = budget - forecast.centralCents;
  const averageGrantCents = averagePerGrant(entries, [pot.id], today) ?? averageDecided(input.decisions);

  // Curve: planned and actual at every month end of the period (actual only up to today).
  const curve: CurvePoint[] = [];
  for (let month = monthStart(pot.periodStart, 0); month <= pot.periodEnd; month = monthStart(month, 1)) {
    const date = minDate(dateOf(dayNumber(monthStart(month, 1)) - 1), pot.periodEnd);
    curve.push({
      date,
      plannedCents: planned(date),
      committedCents: date <= today ? netCommitted(entries, date) : null,
    });
  }

  return ok({
    forecast: {
      potId: pot.id,
      today,
      endDate: pot.periodEnd,
      budgetCents: budget,
      committedCents: committed,
      plannedCents: planned(today),
      curve,
      runRate,
      pipeline: {
        requestedCents: requested,
        approvalRate,
        grantedRatio,
        expectedCents: Math.round(pipelineExpected),
        decisions: n,
      },
      remainingDays,
      forecast,
      leftCents,
      risk: riskOf(leftCents, budget, o),
      averageGrantCents,
      sentence: sentenceOf(pot.periodEnd, leftCents, budget - committed, remainingDays, averageGrantCents),
    },
  });
}

/**
 * Each entry once, by (id, potId), which the ledger keeps unique: pots may be given one shared
 * list, their own lists, or both, and a shared list must not count an entry once per pot.
 */
function uniqueEntries(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const byKey = new Map<string, LedgerEntry>();
  for (const e of entries) byKey.set(JSON.stringify([e.id, e.potId]), e);
  return [...byKey.values()];
}

/**
 * The fund as the sum of its pots: amounts add up; the end date and remaining days are the
 * latest of the pots; the average grant counts a co-funded grant once, over all pots. Give each
 * pot its own share of the pipeline so that an application is not counted twice. The pots'
 * entries may be one list shared by all pots: every entry counts once.
 */
export function forecastFund(inputs: readonly ForecastInput[], options?: Thresholds): Ok<{ forecast: FundForecast }> | ForecastRefusal {
  if (inputs.length === 0) return refuse("no_pots");
  const refusal = thresholdRefusal(options);
  if (refusal !== null) return refusal;
  const pots: PotForecast[] = [];
  for (const input of inputs) {
    const result = forecastPot(input);
    if (!result.ok) return result;
    pots.push(result.forecast);
  }
  const sum = (pick: (f: PotForecast) => number) => pots.reduce((s, f) => s + pick(f), 0);
  const budgetCents = sum((f) => f.budgetCents);
  const committedCents = sum((f) => f.committedCents);
  const forecast: Estimate = {
    lowCents: sum((f) => f.forecast.lowCents),
    centralCents: sum((f) => f.forecast.centralCents),
    highCents: sum((f) => f.forecast.highCents),
  };
  const leftCents = budgetCents - forecast.centralCents;
  const endDate = pots.map((f) => f.endDate).reduce(maxDate);
  const remainingDays = Math.max(0, ...pots.map((f) => f.remainingDays));
  const today = pots[0]!.today;
  const allEntries = uniqueEntries(inputs.flatMap((i) => i.entries));
  const averageGrantCents =
    averagePerGrant(
      allEntries,
      pots.map((f) => f.potId),
      today,
    ) ?? averageDecided(inputs.flatMap((i) => i.decisions));
  return ok({
    forecast: {
      pots,
      endDate,
      budgetCents,
      committedCents,
      plannedCents: sum((f) => f.plannedCents),
      remainingDays,
      forecast,
      leftCents,
      risk: riskOf(leftCents, budgetCents, { ...DEFAULTS, ...options }),
      averageGrantCents,
      sentence: sentenceOf(endDate, leftCents, budgetCents - committedCents, remainingDays, averageGrantCents),
    },
  });
}
