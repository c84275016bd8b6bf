// Runs the generators in order into an empty, migrated database and says what each wrote and
// how long it took.
import { performance } from "node:perf_hooks";
import type { DB } from "../../app/services/db.server";
import { newContext, type GenerationContext } from "./context";
import type { TableName } from "./insert";
import type { GenerationOptions } from "./options";
import { GENERATORS } from "./registry";
import { settle, tuneForBulkInsert } from "./engine";

export type GeneratorReport = { name: string; ms: number; rows: Partial<Record<TableName, number>> };

export async function assertEmpty(db: DB): Promise<void> {
  for (const table of ["areas", "applications", "users"] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    if (Number(row.n) > 0) throw new Error(`The database already has ${table}: generate into a new, empty database`);
  }
}

export async function generate(db: DB, options: GenerationOptions, log: (line: string) => void = () => {}): Promise<{ reports: GeneratorReport[]; ctx: GenerationContext }> {
  await assertEmpty(db);
  await tuneForBulkInsert(db);
  const ctx = newContext(db, options);
  const reports: GeneratorReport[] = [];
  for (const generator of GENERATORS) {
    const started = performance.now();
    const rows = await generator.run(ctx);
    const report = { name: generator.name, ms: performance.now() - started, rows };
    reports.push(report);
    log(`${generator.name.padEnd(20)} ${(report.ms / 1000).toFixed(1).padStart(6)} s  ${Object.entries(rows).map(([t, n]) => `${t} ${n}`).join(", ")}`);
  }
  await settle(db);
  return { reports, ctx };
}
