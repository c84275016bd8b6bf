// The bureau's list at scale: every page of it, from the first to the last, is read from the
// list's own index (migration 0008) without sorting the table or stepping over table rows, and
// paging from either end gives exactly the order of the list, ties in time included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, type CompiledQuery } from "kysely";
import type { Database } from "../../db/schema";
import { migrateToLatest, type DB } from "~/services/db.server";
import { listAllApplications } from "~/models/application-views.server";
import { generate } from "../../bench/data/generate";
import { parseOptions } from "../../bench/data/options";
import { freshDb, TEST_ENGINE, type FreshDb } from "../support/test-db";

let fresh: FreshDb;
let db: DB;
let total = 0;

beforeAll(async () => {
  fresh = await freshDb({ empty: true });
  db = fresh.db;
  await migrateToLatest(db);
  await generate(db, parseOptions(["--applications", "480", "--seed", "3"], fresh.url));
  // Ties: applications sent in the same millisecond are ordered by their reference.
  const some = await db.selectFrom("applications").select("id").orderBy("reference").limit(12).offset(100).execute();
  await db
    .updateTable("applications")
    .set({ submitted_at: "2024-05-01T10:00:00.000Z" })
    .where(
      "id",
      "in",
      some.map((r) => r.id),
    )
    .execute();
  total = (await db.selectFrom("applications").select("id").execute()).length;
}, 60_000);
afterAll(async () => {
  await fresh.cleanup();
});

describe("bureau list at scale", () => {
  it("gives every application once, in the list's order, over all pages from both ends", async () => {
    const expected = await db.selectFrom("applications").select("reference").orderBy("submitted_at", "desc").orderBy("reference", "desc").execute();
    const pageSize = 50;
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(total / pageSize); page++) {
      const result = await listAllApplications(db, { page, pageSize });
      expect(result.page).toBe(page);
      expect(result.total).toBe(total);
      seen.push(...result.rows.map((r) => r.reference));
    }
    expect(seen).toEqual(expected.map((r) => r.reference));
    const past = await listAllApplications(db, { page: 10_000, pageSize });
    expect(past.page).toBe(Math.ceil(total / pageSize));
    expect(past.rows.map((r) => r.reference)).toEqual(expected.slice((past.page - 1) * pageSize).map((r) => r.reference));
  });

  // SQLite's plans are checked here; PostgreSQL's are in the benchmark's figures (bench/README.md).
  it.skipIf(TEST_ENGINE !== "sqlite")("reads the first, a middle and the last page from the index, without a sort or a table scan", async () => {
    const queries: CompiledQuery[] = [];
    const sqlite = new SQLite(fresh.file!);
    const logged = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log: (e) => void queries.push(e.query) });
    for (const page of [1, 5, 10]) await listAllApplications(logged, { page, pageSize: 50 });
    const plans = queries
      .filter((q) => q.sql.includes("order by"))
      .map((q) => (sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail).join("\n"));
    await logged.destroy();
    expect(plans).toHaveLength(3);
    for (const plan of plans) {
      // The page's keys come from the index alone; the 50 rows are then looked up by reference
      // (sorting those 50 is all the sorting there is).
      expect(plan).toMatch(/SCAN applications USING COVERING INDEX applications_list_order/);
      expect(plan).toMatch(/SEARCH a USING INDEX \S+ \(reference=\?\)/);
      expect(plan).not.toMatch(/SCAN a\b/);
      expect(plan).not.toMatch(/SCAN applications(?! USING COVERING)/);
    }
  });
});
