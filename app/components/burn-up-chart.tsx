// A pot's burn-up chart as inline SVG drawn on the server (decision 145): the planned pace, what
// was actually committed by each month's end, and the forecast to the period's end with its
// low–high band. No script and no chart library: it shows without JavaScript, scales with the
// page (viewBox), and says the same in words (title/desc) and in the table the page puts beside it.
import type { CurvePoint, Estimate } from "~/domain/forecast";
import { formatCents } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";
import { ScrollRegion } from "./scroll-region";
import { formatDate } from "./format";

const W = 640;

/** "dec. 2026": a month is what the chart and its table count in. */
function monthYear(isoDate: string, locale: "nl" | "en"): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
const H = 360;
// Labels are large in the drawing's own units: on a phone the drawing shrinks to half its size.
const PAD = { left: 16, right: 16, top: 40, bottom: 56 };

export type BurnUpProps = {
  id: string;
  curve: readonly CurvePoint[];
  budgetCents: number;
  committedCents: number;
  today: string;
  endDate: string;
  forecast: Estimate;
};

export function BurnUpChart({ id, curve, budgetCents, committedCents, today, endDate, forecast }: BurnUpProps) {
  const t = useT();
  const locale = useLocale();
  if (curve.length === 0) return null;
  const top = Math.max(budgetCents, forecast.highCents, 1);
  const n = curve.length;
  const x = (i: number) => PAD.left + ((W - PAD.left - PAD.right) * (i + 1)) / n;
  const x0 = PAD.left;
  const y = (cents: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - cents / top);
  const line = (points: [number, number][]) => points.map(([px, py], i) => `${i === 0 ? "M" : "L"}${px.toFixed(1)},${py.toFixed(1)}`).join(" ");

  const planned = line([[x0, y(0)], ...curve.map((p, i): [number, number] => [x(i), y(p.plannedCents)])]);
  const actualPoints = curve.flatMap((p, i): [number, number][] => (p.committedCents === null ? [] : [[x(i), y(p.committedCents)]]));
  const actual = line([[x0, y(0)], ...actualPoints]);
  // The forecast starts where today's month ends on the actual line (or at the start).
  const lastActual = actualPoints.length;
  const start: [number, number] = lastActual === 0 ? [x0, y(committedCents)] : [x(lastActual - 1), y(committedCents)];
  const endX = x(n - 1);
  const future = lastActual < n;
  const band = `M${start[0].toFixed(1)},${start[1].toFixed(1)} L${endX.toFixed(1)},${y(forecast.highCents).toFixed(1)} L${endX.toFixed(1)},${y(forecast.lowCents).toFixed(1)} Z`;
  const money = (cents: number) => formatCents(cents, locale, { trimZeroCents: true });
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <figure className="burn-up">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="burn-up-svg" preserveAspectRatio="xMidYMid meet">
        <title id={titleId}>{t("budget.chart.title")}</title>
        <desc id={descId}>
          {t("budget.chart.desc", {
            committed: money(committedCents),
            today: formatDate(today, locale),
            budget: money(budgetCents),
            endDate: formatDate(endDate, locale),
            central: money(forecast.centralCents),
            low: money(forecast.lowCents),
            high: money(forecast.highCents),
          })}
        </desc>
        <line x1={x0} y1={y(budgetCents)} x2={W - PAD.right} y2={y(budgetCents)} className="burn-up-budget" />
        <line x1={x0} y1={y(0)} x2={W - PAD.right} y2={y(0)} className="burn-up-axis" />
        {future ? <path d={band} className="burn-up-band" /> : null}
        <path d={planned} className="burn-up-planned" fill="none" />
        <path d={actual} className="burn-up-actual" fill="none" />
        {future ? <path d={line([start, [endX, y(forecast.centralCents)]])} className="burn-up-forecast" fill="none" /> : null}
        <text x={x0} y={H - 14} className="burn-up-label">
          {monthYear(curve[0]!.date, locale)}
        </text>
        <text x={W - PAD.right} y={H - 14} className="burn-up-label" textAnchor="end">
          {monthYear(endDate, locale)}
        </text>
        <text x={x0 + 4} y={Math.max(y(budgetCents) - 8, 30)} className="burn-up-label">
          {t("budget.chart.budgetLine", { amount: money(budgetCents) })}
        </text>
      </svg>
      <figcaption>
        <ul className="burn-up-legend">
          <li>
            <span className="swatch swatch--planned" aria-hidden="true" /> {t("budget.chart.planned")}
          </li>
          <li>
            <span className="swatch swatch--actual" aria-hidden="true" /> {t("budget.chart.actual")}
          </li>
          <li>
            <span className="swatch swatch--forecast" aria-hidden="true" /> {t("budget.chart.forecast")}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

/** The chart's numbers as a table: per month the plan and what was committed. */
export function BurnUpTable({ curve, caption }: { curve: readonly CurvePoint[]; caption: string }) {
  const t = useT();
  const locale = useLocale();
  const money = (cents: number) => formatCents(cents, locale, { trimZeroCents: true });
  return (
    <ScrollRegion label={caption}>
      <table className="numbers">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("budget.table.month")}</th>
            <th scope="col">{t("budget.chart.planned")}</th>
            <th scope="col">{t("budget.chart.actual")}</th>
          </tr>
        </thead>
        <tbody>
          {curve.map((p) => (
            <tr key={p.date}>
              <th scope="row">{monthYear(p.date, locale)}</th>
              <td>{money(p.plannedCents)}</td>
              <td>{p.committedCents === null ? t("budget.table.notYet") : money(p.committedCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
