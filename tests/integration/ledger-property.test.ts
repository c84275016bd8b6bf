// A property of the one money write path on a real database (SQLite file, or PostgreSQL with
// TEST_DATABASE): for random sequences of allocations, commitments, payments and releases, with
// retries of earlier ids, no pot goes below zero, the balance identity holds, a refused operation
// changes nothing and a repeated id changes nothing. Each run gets its own pots and grants.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, freshDb } from "../support/test-db";
import { applicationInput, submitContext } from "../support/applications";
import { SYSTEM } from "../support/funding";
import type { DB } from "~/services/db.server";
import { submitApplication } from "~/models/applications.server";
import { applicationIdOf } from "~/models/lifecycle.server";
import { applyLedgerOperation, grantEntries, potBalances } from "~/models/ledger.server";
import { withWriteLock } from "~/models/lock.server";
import { createFunder, createPot } from "~/models/pots.server";
import { grantBalance, type Operation } from "~/domain/ledger";

let db: DB;
let cleanup: () => Promise<void>;
let funder: string;
const NOW = new Date("2026-06-01T09:00:00Z");
beforeAll(async () => {
  ({ db, cleanup } = await freshDb({ funding: false }));
  funder = await createFunder(db, { id: "rijk", name: "Rijk", kind: "rijk" }, SYSTEM, NOW);
});
afterAll(() => cleanup());

/** A step of the sequence, by index into the run's pots and grants; `retry` repeats an earlier step. */
type Step =
  | { kind: "allocate"; pot: number; cents: number }
  | { kind: "commit"; grant: number; parts: { pot: number; cents: number }[] }
  | { kind: "disburse"; grant: number; cents: number }
  | { kind: "release"; grant: number; cents: number | "all" }
  | { kind: "retry"; of: number };

const POTS = 2;
const GRANTS = 2;
const cents = fc.integer({ min: 1, max: 50_000 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("allocate" as const), pot: fc.nat(POTS - 1), cents }),
  fc.record({
    kind: fc.constant("commit" as const),
    grant: fc.nat(GRANTS - 1),
    parts: fc.uniqueArray(fc.record({ pot: fc.nat(POTS - 1), cents }), { minLength: 1, maxLength: POTS, selector: (p) => p.pot }),
  }),
  fc.record({ kind: fc.constant("disburse" as const), grant: fc.nat(GRANTS - 1), cents }),
  fc.record({ kind: fc.constant("release" as const), grant: fc.nat(GRANTS - 1), cents: fc.oneof(cents, fc.constant("all" as const)) }),
  fc.record({ kind: fc.constant("retry" as const), of: fc.nat(20) }),
);

let runNumber = 0;
let accepted = 0;
const pots0 = Array.from({ length: POTS }, (_, i) => i);

async function setUp(run: number) {
  const pots: string[] = [];
  for (let i = 0; i < POTS; i++) {
    const pot = await createPot(
      db,
      { id: `r${run}-pot${i}`, funderId: funder, name: `Pot ${i}`, periodStart: "2026-01-01", periodEnd: "2026-12-31" },
      SYSTEM,
      NOW,
    );
    pots.push(pot.ok ? pot.id : "");
  }
  const grants: string[] = [];
  for (let i = 0; i < GRANTS; i++) {
    const { reference } = await submitApplication(db, applicationInput({ title: `Run ${run} grant ${i}` }), submitContext({ now: NOW }));
    grants.push((await applicationIdOf(db, reference))!);
  }
  return { pots, grants };
}

/** Everything an operation could change: the ledger's rows and the audit log's length. */
async function ledgerState() {
  return { entries: await db.selectFrom("ledger_entries").select(["id"]).execute(), audits: await count(db, "audit_log") };
}

describe("the ledger through the model, for random sequences", () => {
  it("keeps every pot and grant at or above zero and the identity true; refusals and repeats change nothing", { timeout: 120_000 }, async () => {
    await fc.assert(
      // Every run starts with a budget in both pots, so commitments, payments and releases happen.
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (random) => {
        const steps: Step[] = [...pots0.map((pot) => ({ kind: "allocate" as const, pot, cents: 80_000 })), ...random];
        const run = ++runNumber;
        const { pots, grants } = await setUp(run);
        const done: Operation[] = [];
        let allocated = new Map<string, number>();
        for (const [i, s] of steps.entries()) {
          const id = `r${run}-op${i}`;
          const date = "2026-06-01";
          let operation: Operation;
          if (s.kind === "retry") {
            if (done.length === 0) continue;
            operation = done[s.of % done.length]!;
          } else if (s.kind === "allocate") operation = { kind: "allocate", id, potId: pots[s.pot]!, cents: s.cents, date };
          else if (s.kind === "commit")
            operation = { kind: "commit", id, grantId: grants[s.grant]!, parts: s.parts.map((p) => ({ potId: pots[p.pot]!, cents: p.cents })), date };
          else if (s.kind === "disburse") operation = { kind: "disburse", id, grantId: grants[s.grant]!, cents: s.cents, date };
          else operation = { kind: "release", id, grantId: grants[s.grant]!, cents: s.cents, date };

          const before = await ledgerState();
          const result = await withWriteLock(db, { pots }, (trx) => applyLedgerOperation(trx, operation, { actor: SYSTEM, at: NOW.toISOString() }));
          const after = await ledgerState();
          if (!result.ok || result.repeated) {
            expect(after).toEqual(before);
          } else {
            done.push(operation);
            accepted += 1;
            expect(after.entries.length).toBe(before.entries.length + result.entries.length);
            expect(after.audits).toBe(before.audits + 1);
            if (operation.kind === "allocate") allocated = new Map(allocated).set(operation.potId, (allocated.get(operation.potId) ?? 0) + operation.cents);
          }
          if (s.kind === "retry") expect(result).toMatchObject({ ok: true, repeated: true });

          const balances = await potBalances(db, pots);
          for (const pot of pots) {
            const b = balances.get(pot)!;
            expect(b.budget).toBe(allocated.get(pot) ?? 0);
            expect(b.available).toBe(b.budget - b.committed);
            expect(b.available).toBeGreaterThanOrEqual(0);
            expect(b.outstanding).toBeGreaterThanOrEqual(0);
          }
          for (const grant of grants) {
            const entries = await grantEntries(db, grant);
            for (const pot of pots) expect(grantBalance(entries, grant, pot).outstanding).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 12 },
    );
    // The sequences must reach the interesting part: most runs book more than their budget.
    expect(accepted).toBeGreaterThan(runNumber * 3);
  });
});
