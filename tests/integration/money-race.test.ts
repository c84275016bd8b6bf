// Many approvals at the same moment, each in its own process as app servers would run them, on
// a pot with room for only some of them: exactly that many commitments are booked, the others are
// refused with the money's reason, and the pot never goes below zero. On both engines.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb, createTestUser, TEST_SETTINGS } from "../support/test-db";
import { applicationInput, submitContext } from "../support/applications";
import { SYSTEM, potWith } from "../support/funding";
import { submitApplication } from "~/models/applications.server";
import { applicationIdOf, applyLifecycleAction } from "~/models/lifecycle.server";
import { potBalances } from "~/models/ledger.server";
import { createFunder } from "~/models/pots.server";
import { getUserById } from "~/models/users.server";
import type { DB } from "~/services/db.server";

const run = promisify(execFile);
const WRITERS = 4;
const ROOM_FOR = 2;
let db: DB;
let url: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, url, cleanup } = await freshDb({ funding: false }));
});
afterEach(async () => cleanup());

describe("approvals racing for the same pot", () => {
  it(`book exactly ${ROOM_FOR} of ${WRITERS} commitments and never overdraw`, { timeout: 120_000 }, async () => {
    const now = new Date();
    const year = now.getUTCFullYear();
    const funder = await createFunder(db, { id: "rijk", name: "Rijk", kind: "rijk" }, SYSTEM, now);
    const pot = await potWith(db, {
      id: "pot",
      funderId: funder,
      name: "SPUK",
      periodStart: `${year - 1}-01-01`,
      periodEnd: `${year + 1}-12-31`,
      cents: ROOM_FOR * 50_000,
    });
    const reviewer = await createTestUser(db, { email: "a@example.org", name: "A", roles: ["reviewer"], at: now.toISOString() });
    const user = await getUserById(db, reviewer);
    const ids: string[] = [];
    for (let i = 0; i < WRITERS; i++) {
      const { reference } = await submitApplication(
        db,
        applicationInput({ requestedCents: 50_000, amount: 50_000, costLines: [], title: `Idee ${i}` }),
        submitContext(),
      );
      const id = (await applicationIdOf(db, reference))!;
      expect((await applyLifecycleAction(db, id, { type: "take" }, user, { settings: TEST_SETTINGS }, now)).ok).toBe(true);
      ids.push(id);
    }

    const startAt = String(Date.now() + 5000); // every process is up by then
    const writer = (id: string) =>
      run("node_modules/.bin/tsx", ["tests/support/race-writer.ts", url, id, reviewer, startAt, JSON.stringify({ type: "approve", grantedCents: 50_000 })], {
        env: { ...process.env, RACE_DELAY_MS: "20" },
      }).then((r) => JSON.parse(r.stdout.trim().split("\n").at(-1)!) as Record<string, unknown>);
    const results = await Promise.all(ids.map(writer));

    expect(results.filter((r) => r.ok === true)).toHaveLength(ROOM_FOR);
    const refused = results.filter((r) => r.ok === false);
    expect(refused).toHaveLength(WRITERS - ROOM_FOR);
    for (const r of refused) expect(r).toEqual({ ok: false, reason: "money_short", requestedCents: 50_000, pots: [{ name: "SPUK", availableCents: 0 }] });
    expect((await potBalances(db, [pot])).get(pot)).toEqual({ budget: 100_000, committed: 100_000, paid: 0, available: 0, outstanding: 100_000 });
    const approved = await db.selectFrom("applications").select("id").where("status", "=", "approved").execute();
    const committed = await db.selectFrom("ledger_entries").select("application_id").where("kind", "=", "commitment").execute();
    expect(committed.map((c) => c.application_id).sort()).toEqual(approved.map((a) => a.id).sort());
  });
});
