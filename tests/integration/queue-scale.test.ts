// The work queue on generated data: under each filter every page, from the first to the last,
// gives exactly the filtered list's order (both engines); and on SQLite the plans show what
// decision 132 promises: a filtered page's keys from an index of migration 0012, "late" as a range
// on the clock index, and no table scan except for free text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, type CompiledQuery } from "kysely";
import type { Database } from "../../db/schema";
import { migrateToLatest, type DB } from "~/services/db.server";
import { listQueue, type QueueFilters } from "~/models/queue.server";
import { onTimeSince } from "~/domain/workdays";
import { AWAITING_BUREAU } from "~/domain/lifecycle";
import { generate } from "../../bench/data/generate";
import { parseOptions } from "../../bench/data/options";
import { freshDb, TEST_ENGINE, type FreshDb } from "../support/test-db";

const NOW = new Date("2026-12-01T12:00:00Z");
let fresh: FreshDb;
let db: DB;
let reviewer: string;

beforeAll(async () => {
  fresh = await freshDb({ empty: true });
  db = fresh.db;
  await migrateToLatest(db);
  await generate(db, parseOptions(["--applications", "600", "--seed", "4", "--until", "2026-12-01"], fresh.url));
  // The reviewer with the most applications assigned, for "mine".
  const busiest = await db
    .selectFrom("applications")
    .select(["assigned_user_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("assigned_user_id", "is not", null)
    .groupBy("assigned_user_id")
    .orderBy("n", "desc")
    .orderBy("assigned_user_id")
    .executeTakeFirstOrThrow();
  reviewer = busiest.assigned_user_id!;
}, 120_000);
afterAll(async () => fresh.cleanup());

const none: QueueFilters = { statuses: [], areaId: null, factorId: null, assigned: null, late: false, text: null, order: "newest", page: 1 };
const context = (pageSize: number) => ({ userId: reviewer, now: NOW, targetWorkingDays: 5, pageSize });

const CASES: [string, Partial<QueueFilters>][] = [
  ["no filter, oldest first", { order: "oldest" }],
  ["closed", { statuses: ["closed"] }],
  ["declined or withdrawn, oldest first", { statuses: ["declined", "withdrawn"], order: "oldest" }],
  ["mine", { assigned: "mine" }],
  ["nobody's", { assigned: "nobody" }],
  ["a factor", { factorId: "ontmoeting" }],
  ["late", { late: true }],
];

describe("the queue over generated data", () => {
  it.each(CASES)("%s: all pages from both ends give the filtered list once, in order", async (_label, f) => {
    const pageSize = 40;
    const first = await listQueue(db, { ...none, ...f, page: 1 }, context(100_000));
    expect(first.total).toBeGreaterThan(0);
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(first.total / pageSize); page++) {
      const q = await listQueue(db, { ...none, ...f, page }, context(pageSize));
      expect(q.total).toBe(first.total);
      seen.push(...q.rows.map((r) => r.reference));
    }
    expect(seen).toEqual(first.rows.map((r) => r.reference));
  });

  it("late agrees with each row's own late mark, and with the count at the top", async () => {
    const all = await listQueue(db, none, context(100_000));
    const late = await listQueue(db, { ...none, late: true }, context(100_000));
    expect(late.rows.map((r) => r.reference)).toEqual(all.rows.filter((r) => r.late).map((r) => r.reference));
    expect(late.total).toBe(all.lateCount);
    expect(late.total).toBeGreaterThan(0);
    expect(late.rows.every((r) => AWAITING_BUREAU.includes(r.status))).toBe(true);
  });

  it("counts each open status as the rows do", async () => {
    const all = await listQueue(db, none, context(100_000));
    expect(all.allCount).toBe(all.total);
    for (const [status, n] of Object.entries(all.countsByStatus)) expect(all.rows.filter((r) => r.status === status).length, status).toBe(n);
    expect(all.countsByStatus.closed).toBeUndefined();
  });

  it.skipIf(TEST_ENGINE !== "sqlite")("reads each filtered page's keys from an index, and late as a range on the clock index", async () => {
    const queries: CompiledQuery[] = [];
    const sqlite = new SQLite(fresh.file!);
    const logged = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log: (e) => void queries.push(e.query) });
    const plan = (q: CompiledQuery) =>
      (sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail).join("\n");
    const plansOf = async (f: Partial<QueueFilters>) => {
      queries.length = 0;
      await listQueue(logged, { ...none, ...f, page: 2 }, context(20));
      return queries.map(plan);
    };
    const page = (plans: string[]) => plans.at(-1)!;
    expect(page(await plansOf({ statuses: ["closed"] }))).toMatch(/USING COVERING INDEX applications_status_order \(status=\?\)/);
    expect(page(await plansOf({ assigned: "mine" }))).toMatch(/USING COVERING INDEX applications_assigned_order \(assigned_user_id=\?\)/);
    const area = (await db.selectFrom("applications").select("area_id").orderBy("reference").executeTakeFirstOrThrow()).area_id;
    expect(page(await plansOf({ areaId: area }))).toMatch(/USING COVERING INDEX applications_area_order \(area_id=\?\)/);
    expect(page(await plansOf({}))).toMatch(/SCAN applications USING COVERING INDEX applications_list_order/);
    const late = await plansOf({ late: true });
    expect(late.join("\n")).toMatch(/applications_status_clock \(status=\? AND answer_clock_started_at<\?\)/);
    // Nothing but free text reads the table row by row.
    for (const plans of [late, await plansOf({ statuses: ["in_review"], factorId: "ontmoeting" }), await plansOf({ assigned: "nobody" })]) {
      for (const p of plans) expect(p).not.toMatch(/SCAN (applications|a)\b(?! USING)/);
    }
    await logged.destroy();
    // The range is the domain's own: the instant at which an application stops being on time.
    expect(onTimeSince(NOW, 5).toISOString()).toBe("2026-11-23T23:00:00.000Z");
  });
});
