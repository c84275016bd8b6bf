// What the models may count on from either engine (run with TEST_DATABASE=postgres for PostgreSQL).
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineOf, type DB } from "~/services/db.server";
import { freshDb, TEST_ENGINE } from "../support/test-db";

let db: DB;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ db, cleanup } = await freshDb()));
afterAll(async () => cleanup());

describe(`the ${TEST_ENGINE} engine`, () => {
  it("is the one the tests asked for", () => {
    expect(engineOf(db)).toBe(TEST_ENGINE);
  });

  it("gives counts and sums of cents as exact JavaScript numbers", async () => {
    const row = await db
      .selectFrom("areas")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number>("sort_order").as("total")])
      .executeTakeFirstOrThrow();
    expect(typeof row.n).toBe("number");
    expect(row.n).toBeGreaterThan(0);
    expect(typeof row.total).toBe("number");
    // Beyond 2^31, as a programme's total in cents over the years could be.
    const big = await sql<{ v: number }>`select ${sql.lit(3_000_000_000)} * 3 as v`.execute(db);
    expect(big.rows[0]!.v).toBe(9_000_000_000);
  });

  it.runIf(TEST_ENGINE === "postgres")("refuses a 64-bit number that a JavaScript number cannot hold exactly", async () => {
    await expect(sql`select 9007199254740993::bigint as v`.execute(db)).rejects.toThrow(/out of range/);
  });

  it("orders ISO timestamps as text in time order", async () => {
    const rows = await sql<{
      v: string;
    }>`select v from (select '2026-12-01T10:00:00.000Z' as v union all select '2026-02-01T09:00:00.000Z' union all select '2026-12-01T09:59:59.999Z') t order by v`.execute(
      db,
    );
    expect(rows.rows.map((r) => r.v)).toEqual(["2026-02-01T09:00:00.000Z", "2026-12-01T09:59:59.999Z", "2026-12-01T10:00:00.000Z"]);
  });
});
