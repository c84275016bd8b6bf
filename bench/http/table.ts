// The one table `npm run bench` prints (Markdown, so it goes into bench/README.md as it is).
import type { LoadResult } from "./load-client";

export type Row = { engine: string; page: string; bytes: number; app: LoadResult; bare: LoadResult; peakRssMb: number };

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "–");

export function formatTable(rows: readonly Row[]): string {
  const head = ["engine", "page", "KB", "req/s", "p50 ms", "p99 ms", "bare req/s", "bare p99 ms", "app/bare", "server peak RSS MB"];
  const lines = rows.map((r) => [
    r.engine,
    r.page,
    (r.bytes / 1024).toFixed(1),
    r.app.perSecond.toFixed(0),
    ms(r.app.p50),
    ms(r.app.p99),
    r.bare.perSecond.toFixed(0),
    ms(r.bare.p99),
    `${((100 * r.app.perSecond) / r.bare.perSecond).toFixed(1)} %`,
    String(r.peakRssMb),
  ]);
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [row(head), row(head.map((h, i) => (i < 2 ? "---" : "---:"))), ...lines.map(row)].join("\n");
}
