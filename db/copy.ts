// Moves an installation's data from one database to another, either engine to either engine
// (scripts/db-copy.ts; docs/decisions/120-copying-between-engines.md). Every table the migrations
// made is copied with its ids and references as they are, the audit log included, in one
// transaction on the target; before it commits, row counts and sums are compared with the source
// and any difference rolls everything back. No model code: tables are found in the catalogue,
// so a table a later migration adds is copied without a change here.
import { sql, type Kysely } from "kysely";
import { describeTables, referenceOrder, resetSequences, type TableInfo } from "./catalog";

/** The figures compared per table: "rows", and "sum(column)" for money and generated ids. */
export type TableCheck = { table: string; check: string; source: number; target: number };

export class CopyRefused extends Error {}

export type CopyOptions = {
  /** Rows per INSERT, at most; fewer for wide tables (both engines cap a statement's parameters). */
  batchSize?: number;
  /** Called for each table when it has been copied. */
  onTable?: (table: string, rows: number) => void;
  /** For tests only: runs on the target after copying and before the checks, to prove a fault is caught. */
  beforeChecks?: (target: Kysely<any>) => Promise<void>;
};

/** Both databases must be migrated to the same last migration; the source is only read. */
export async function copyDatabase(source: Kysely<any>, target: Kysely<any>, options: CopyOptions = {}): Promise<TableCheck[]> {
  await sameMigrations(source, target);
  const sourceTables = await describeTables(source);
  const targetTables = await describeTables(target);
  sameTables(sourceTables, targetTables);
  const order = referenceOrder(targetTables);

  // The source is read in one snapshot (REPEATABLE READ on PostgreSQL, a read transaction on
  // SQLite), so rows written meanwhile by a running app cannot make the copy inconsistent.
  return source
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (from) =>
      target.transaction().execute(async (to) => {
        for (const name of order) {
          if (await hasRows(to, name)) {
            throw new CopyRefused(`The target already holds data (table ${name}): copy into an empty database only, so nothing is mixed or overwritten.`);
          }
        }
        for (const name of order) {
          const table = targetTables.get(name)!;
          const rows = await copyTable(from, to, table, options.batchSize ?? 1000);
          await resetSequences(to, table);
          options.onTable?.(name, rows);
        }
        await options.beforeChecks?.(to);
        const checks = await compare(from, to, order, sourceTables, targetTables);
        const wrong = checks.filter((c) => c.source !== c.target);
        if (wrong.length > 0) throw new CopyMismatch(checks);
        return checks;
      }),
    );
}

/** The checks did not agree; `checks` has all of them, for the table printed with the error. */
export class CopyMismatch extends Error {
  constructor(readonly checks: TableCheck[]) {
    super(`The copy does not match the source in ${checks.filter((c) => c.source !== c.target).length} check(s): nothing was committed.`);
  }
}

async function sameMigrations(source: Kysely<any>, target: Kysely<any>): Promise<void> {
  const applied = async (db: Kysely<any>) => {
    const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
    if (!tables.some((t) => t.name === "kysely_migration")) return [];
    const rows = await db.selectFrom("kysely_migration").select("name").orderBy("name").execute();
    return rows.map((r) => String(r.name));
  };
  const [from, to] = await Promise.all([applied(source), applied(target)]);
  if (from.join() !== to.join()) {
    throw new CopyRefused(
      `The source is at migration ${from.at(-1) ?? "(none)"}, the target at ${to.at(-1) ?? "(none)"}: ` +
        "migrate the source first (DATABASE_URL=<source> npm run db:migrate) with the same version of the app.",
    );
  }
}

function sameTables(source: Map<string, TableInfo>, target: Map<string, TableInfo>): void {
  const names = (m: Map<string, TableInfo>) => [...m.keys()].sort().join(", ");
  if (names(source) !== names(target)) throw new CopyRefused(`The tables differ: source has ${names(source)}; target has ${names(target)}.`);
  for (const [name, t] of target) {
    const s = source.get(name)!;
    if ([...s.columns].sort().join() !== [...t.columns].sort().join())
      throw new CopyRefused(`Table ${name} has other columns in the source than in the target.`);
    if (t.primaryKey.length === 0) throw new CopyRefused(`Table ${name} has no primary key: its rows cannot be read in a fixed order.`);
  }
}

async function hasRows(db: Kysely<any>, table: string): Promise<boolean> {
  return (
    (
      await db
        .selectFrom(table)
        .select(sql`1`.as("one"))
        .limit(1)
        .execute()
    ).length > 0
  );
}

/** Page by page in primary-key order (keyset, not OFFSET, so a million rows stay cheap). */
async function copyTable(from: Kysely<any>, to: Kysely<any>, table: TableInfo, batchSize: number): Promise<number> {
  // Both engines cap the parameters of one statement (SQLite 32766, PostgreSQL 65535).
  const perInsert = Math.max(1, Math.min(batchSize, Math.floor(10_000 / table.columns.length)));
  const key = table.primaryKey;
  let after: unknown[] | null = null;
  let copied = 0;
  for (;;) {
    let page = from.selectFrom(table.name).select(table.columns);
    if (after) page = page.where(sql<boolean>`(${sql.join(key.map((k) => sql.ref(k)))}) > (${sql.join(after)})`);
    for (const k of key) page = page.orderBy(sql.ref(k));
    const rows: Record<string, unknown>[] = await page.limit(perInsert).execute();
    if (rows.length === 0) return copied;
    await to.insertInto(table.name).values(rows).execute();
    copied += rows.length;
    const last = rows[rows.length - 1]!;
    after = key.map((k) => last[k]);
  }
}

/** Money columns: `cents` (a cost line) and every `…_cents`. */
const MONEY = /(^|_)cents$/;

/** Columns whose sum is checked: money and ids the engine numbers (on either side). */
function summedColumns(source: TableInfo, target: TableInfo): string[] {
  const columns = target.columns.filter((c) => MONEY.test(c) || source.generated.includes(c) || target.generated.includes(c));
  return [...new Set(columns)];
}

async function figures(db: Kysely<any>, table: string, summed: string[]): Promise<Record<string, number>> {
  const row = await db
    .selectFrom(table)
    .select((eb) => [eb.fn.countAll().as("rows"), ...summed.map((c) => eb.fn.coalesce(eb.fn.sum(c), sql.lit(0)).as(`sum(${c})`))])
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

async function compare(
  from: Kysely<any>,
  to: Kysely<any>,
  order: string[],
  sourceTables: Map<string, TableInfo>,
  targetTables: Map<string, TableInfo>,
): Promise<TableCheck[]> {
  const checks: TableCheck[] = [];
  for (const table of order) {
    const summed = summedColumns(sourceTables.get(table)!, targetTables.get(table)!);
    const [s, t] = [await figures(from, table, summed), await figures(to, table, summed)];
    for (const check of Object.keys(s)) checks.push({ table, check, source: s[check]!, target: t[check]! });
  }
  return checks;
}

/** The checks as a small table for the terminal. */
export function formatChecks(checks: readonly TableCheck[]): string {
  const rows = [
    ["table", "check", "source", "target", ""],
    ...checks.map((c) => [c.table, c.check, String(c.source), String(c.target), c.source === c.target ? "ok" : "DIFFERS"]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === 2 || i === 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
