// When applications arrive: more each year as the programme grows (the last year about twice the
// first), fewer in the summer holidays and in December, mostly in the day and the evening.
import type { Rng } from "./prng";

const MONTH_WEIGHT = [1, 1, 1, 1, 1, 0.9, 0.55, 0.6, 1, 1, 1, 0.7] as const;
const HOUR_WEIGHT = [0, 0, 0, 0, 0, 0, 0.1, 0.3, 0.6, 0.8, 0.9, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 0.7, 0.6, 0.9, 1, 0.9, 0.6, 0.2] as const;
const HOURS = Object.fromEntries(HOUR_WEIGHT.map((w, h) => [String(h), w])) as Record<string, number>;

/** `count` moments between `from` and `until`, in order. */
export function submissionTimes(rng: Rng, count: number, from: number, until: number): number[] {
  const times: number[] = [];
  while (times.length < count) {
    // Density rising linearly from 0.6 to 1.4 over the window (inverse of its distribution function).
    const u = rng.next();
    const x = (-0.6 + Math.sqrt(0.36 + 1.6 * u)) / 0.8;
    const day = new Date(from + x * (until - from));
    if (rng.next() > MONTH_WEIGHT[day.getUTCMonth()]!) continue;
    day.setUTCHours(Number(rng.weighted(HOURS)) - 1, rng.int(0, 59), rng.int(0, 59), rng.int(0, 999));
    const at = day.getTime();
    if (at > from && at < until) times.push(at);
  }
  return times.sort((a, b) => a - b);
}
