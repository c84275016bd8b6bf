// Benchmark: a pot's balance and a commitment's check over a large ledger (decision 140).
// Not a test: `npx tsx bench/ledger-balance.ts [postgres://… admin URL]`. Fills ledger_entries with
// LEDGER_ROWS rows (default 1 000 000) over 50 pots with one INSERT … SELECT, then times
// potBalances for one pot and a commitment through applyLedgerOperation (which sums the same way).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { sql } from "kysely";
import { openDatabase, migrateToLatest, engineOf } from "../app/services/db.server";
import { seedReferenceData } from "../db/seed";
import { applyLedgerOperation, potBalances } from "../app/models/ledger.server";
import { createFunder, createPot, potsWithBalances } from "../app/models/pots.server";
import { withWriteLock } from "../app/models/lock.server";
import { submitApplication } from "../app/models/applications.server";
import { applicationIdOf } from "../app/models/lifecycle.server";

const ROWS = Number(process.env.LEDGER_ROWS ?? 1_000_000);
const POTS = 50;
const admin = process.argv[2];
let url: string;
let drop = async () => {};
if (admin) {
  const name = `bench_${crypto.randomBytes(4).toString("hex")}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await run(`CREATE DATABASE ${name}`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  url = u.toString();
  drop = () => run(`DROP DATABASE ${name} WITH (FORCE)`);
} else {
  url = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "inwonersfonds-ledger-")), "bench.sqlite");
}
const db = openDatabase(url);
await migrateToLatest(db);
await seedReferenceData(db);
const who = { userId: null, label: "bench" };
const now = new Date("2026-03-01T09:00:00Z");
const funder = await createFunder(db, { id: "rijk", name: "Rijk", kind: "rijk" }, who, now);
for (let i = 0; i < POTS; i++)
  await createPot(
    db,
    { id: `pot-${String(i).padStart(2, "0")}`, funderId: funder, name: `Pot ${i}`, periodStart: "2026-01-01", periodEnd: "2026-12-31" },
    who,
    now,
  );

let start = performance.now();
// Every 10th row an allocation of 1 000 euro, the rest commitments of 1 euro and releases of 0,50: pots stay above zero.
const kind = sql`case when n % 10 = 0 then 'allocation' when n % 10 < 7 then 'commitment' else 'release' end`;
const cents = sql`case when n % 10 = 0 then 100000 when n % 10 < 7 then 100 else 50 end`;
const pot =
  engineOf(db) === "postgres"
    ? sql`'pot-' || lpad(((n / 10) % ${sql.lit(POTS)})::text, 2, '0')`
    : sql`'pot-' || substr('0' || ((n / 10) % ${sql.lit(POTS)}), -2)`;
const columns = sql`(operation_id, pot_id, application_id, kind, cents, date, actor_label, at)`;
const values = sql`'op-' || n, ${pot}, null, ${kind}, ${cents}, '2026-02-01', 'bench', '2026-02-01T00:00:00Z'`;
if (engineOf(db) === "postgres") {
  await sql`insert into ledger_entries ${columns} select ${values} from generate_series(1, ${sql.lit(ROWS)}) as n`.execute(db);
  await sql`analyze ledger_entries`.execute(db);
} else {
  await sql`with recursive s(n) as (select 1 union all select n + 1 from s where n < ${sql.lit(ROWS)}) insert into ledger_entries ${columns} select ${values} from s`.execute(
    db,
  );
  await sql`analyze`.execute(db);
}
console.log(`${ROWS} ledger rows written in ${Math.round(performance.now() - start)} ms (${engineOf(db)})`);

const { reference } = await submitApplication(
  db,
  {
    submissionKey: "bench",
    name: "Bench",
    email: null,
    phone: "0612345678",
    areaId: "kroeven",
    title: "Bench",
    description: "Bench",
    factorIds: ["ontmoeting"],
    activityDate: "2026-06-01",
    participants: 10,
    amount: 10_000,
    requestedCents: 10_000,
    costLines: [],
    publicConsent: true,
  },
  {
    user: null,
    onBehalf: false,
    locale: "nl",
    now,
    settings: { fundMaxCents: 500_000, fourEyesThresholdCents: 250_000, publicUrl: "http://localhost", bureauEmail: undefined },
  },
);
const grantId = (await applicationIdOf(db, reference))!;
const times = (label: string, ms: number[]) =>
  console.log(`${label}: median ${ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!.toFixed(1)} ms over ${ms.length}`);
const balanceMs: number[] = [];
for (let i = 0; i < 20; i++) {
  start = performance.now();
  await potBalances(db, ["pot-07"]);
  balanceMs.push(performance.now() - start);
}
times("one pot's balance (potBalances)", balanceMs);
const allMs: number[] = [];
for (let i = 0; i < 5; i++) {
  start = performance.now();
  await potsWithBalances(db, { on: "2026-03-01" });
  allMs.push(performance.now() - start);
}
times(`all ${POTS} pots of the day (potsWithBalances, what an approval's split reads)`, allMs);
const commitMs: number[] = [];
for (let i = 0; i < 20; i++) {
  start = performance.now();
  const result = await withWriteLock(db, { applications: [grantId] }, (trx) =>
    applyLedgerOperation(
      trx,
      { kind: "commit", id: `bench-${i}`, grantId, parts: [{ potId: "pot-07", cents: 100 }], date: "2026-03-01" },
      { actor: who, at: now.toISOString() },
    ),
  );
  if (!result.ok) throw new Error(result.reason);
  commitMs.push(performance.now() - start);
}
times("a commitment through applyLedgerOperation", commitMs);
await db.destroy();
await drop();
