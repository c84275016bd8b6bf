// The demo's money (decision 143): pots from the documents, the SPUK share applied, the gemeente's
// contribution in kind, an extension with its reason, and the demo approval's money committed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, TEST_SETTINGS } from "../support/test-db";
import { seedDemo } from "../../db/seed";
import { potBalances } from "~/models/ledger.server";
import type { DB } from "~/services/db.server";

let db: DB;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await freshDb({ funding: false }));
  await seedDemo(db, { ...TEST_SETTINGS, spukFundSharePercent: 40 }, new Date("2026-11-23T10:00:00Z"));
});
afterAll(() => cleanup());

describe("the seeded funding", () => {
  it("puts the fund's share of the SPUK line into a pot per year", async () => {
    const balances = await potBalances(db);
    expect([2026, 2027, 2028].map((y) => balances.get(`spuk-${y}`)!.budget)).toEqual([570_000, 1_140_000, 1_140_000]);
    const pots = await db.selectFrom("pots").select(["id", "invented"]).orderBy("id").execute();
    expect(pots.filter((p) => p.invented === 1).map((p) => p.id)).toEqual(["partner-2026", "partner-2027", "samen-2026"]);
  });

  it("counts the gemeente's staff time in kind, outside every pot, and keeps the recorded extension", async () => {
    expect(await db.selectFrom("in_kind_contributions").select(["funder_id", "value_cents"]).execute()).toEqual([
      { funder_id: "gemeente-roosendaal", value_cents: 0 },
    ]);
    expect(await db.selectFrom("pots").select("funder_id").where("funder_id", "=", "gemeente-roosendaal").execute()).toEqual([]);
    expect(await db.selectFrom("pot_end_changes").select(["pot_id", "old_end", "new_end"]).execute()).toEqual([
      { pot_id: "partner-2026", old_end: "2026-06-30", new_end: "2026-12-31" },
    ]);
  });

  it("commits the demo approval's money through the lifecycle step", async () => {
    const approved = await db.selectFrom("applications").select(["id", "granted_cents"]).where("status", "=", "approved").execute();
    expect(approved.length).toBeGreaterThan(0);
    for (const a of approved) {
      const rows = await db.selectFrom("ledger_entries").select("cents").where("application_id", "=", a.id).where("kind", "=", "commitment").execute();
      expect(rows.reduce((sum, r) => sum + Number(r.cents), 0)).toBe(a.granted_cents);
    }
  });
});
