// The one money write path on a real database (SQLite file, or PostgreSQL with TEST_DATABASE):
// entries and their audit row together, a retry booked once, a refusal that writes nothing, the
// ledger that refuses to be rewritten, and pot administration with its history.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { count, createTestUser, freshDb, TEST_SETTINGS } from "../support/test-db";
import { applicationInput, submitContext } from "../support/applications";
import { SYSTEM, potWith } from "../support/funding";
import type { DB } from "~/services/db.server";
import { submitApplication } from "~/models/applications.server";
import { applicationIdOf, applyLifecycleAction } from "~/models/lifecycle.server";
import { getUserById } from "~/models/users.server";
import { applyLedgerOperation, potBalances } from "~/models/ledger.server";
import { withWriteLock } from "~/models/lock.server";
import { auditTrail } from "~/models/audit.server";
import { createFunder, extendPotEnd, registerInKind } from "~/models/pots.server";
import type { Operation } from "~/domain/ledger";

const NOW = new Date("2026-03-02T09:00:00Z");
let db: DB;
let cleanup: () => Promise<void>;
let grant: string;
let rijk: string;
let partner: string;

const entries = () => db.selectFrom("ledger_entries").select(["operation_id", "pot_id", "application_id", "kind", "cents", "date"]).orderBy("id").execute();
const apply = (operation: Operation) =>
  withWriteLock(db, { applications: [grant] }, (trx) =>
    applyLedgerOperation(trx, operation, { actor: { userId: null, label: "petra@example.org" }, at: NOW.toISOString() }),
  );
const balance = async (potId: string) => (await potBalances(db, [potId])).get(potId);

beforeEach(async () => {
  ({ db, cleanup } = await freshDb({ funding: false }));
  const funder = await createFunder(db, { id: "rijk", name: "Rijk", kind: "rijk" }, SYSTEM, NOW);
  const other = await createFunder(db, { id: "partner", name: "Partner", kind: "partner", invented: true }, SYSTEM, NOW);
  rijk = await potWith(db, { id: "pot-rijk", funderId: funder, name: "Rijk 2026", periodStart: "2026-01-01", periodEnd: "2026-12-31", cents: 100_000 });
  partner = await potWith(db, { id: "pot-partner", funderId: other, name: "Partner 2026", periodStart: "2026-01-01", periodEnd: "2026-12-31", cents: 20_000 });
  const { reference } = await submitApplication(db, applicationInput(), submitContext({ now: NOW }));
  grant = (await applicationIdOf(db, reference))!;
});
afterEach(async () => cleanup());

describe("applying a ledger operation", () => {
  it("appends the entries and one audit row, and balances are sums over them", async () => {
    const commit: Operation = {
      kind: "commit",
      id: "c1",
      grantId: grant,
      parts: [
        { potId: rijk, cents: 80_000 },
        { potId: partner, cents: 20_000 },
      ],
      date: "2026-03-02",
    };
    expect(await apply(commit)).toMatchObject({ ok: true, repeated: false });
    expect(await balance(rijk)).toEqual({ budget: 100_000, committed: 80_000, paid: 0, available: 20_000, outstanding: 80_000 });
    expect(await balance(partner)).toEqual({ budget: 20_000, committed: 20_000, paid: 0, available: 0, outstanding: 20_000 });
    const trail = await auditTrail(db, "application", grant);
    expect(trail.at(-1)!.action).toBe("ledger.committed");
    expect(JSON.parse(trail.at(-1)!.after_json!)).toEqual({
      operationId: "c1",
      date: "2026-03-02",
      parts: [
        { potId: rijk, cents: 80_000 },
        { potId: partner, cents: 20_000 },
      ],
    });

    expect(await apply({ kind: "disburse", id: "d1", grantId: grant, cents: 50_000, date: "2026-04-01" })).toMatchObject({ ok: true });
    expect(await apply({ kind: "release", id: "r1", grantId: grant, cents: "all", date: "2026-05-01" })).toMatchObject({ ok: true });
    expect(await balance(rijk)).toEqual({ budget: 100_000, committed: 40_000, paid: 40_000, available: 60_000, outstanding: 0 });
    expect(await balance(partner)).toEqual({ budget: 20_000, committed: 10_000, paid: 10_000, available: 10_000, outstanding: 0 });
    expect((await entries()).filter((e) => e.application_id === grant).map((e) => [e.operation_id, e.pot_id, e.kind, Number(e.cents)])).toEqual([
      ["c1", rijk, "commitment", 80_000],
      ["c1", partner, "commitment", 20_000],
      // Payments and releases go over the grant's pots in id order (domain/ledger.ts).
      ["d1", partner, "disbursement", 10_000],
      ["d1", rijk, "disbursement", 40_000],
      ["r1", partner, "release", 10_000],
      ["r1", rijk, "release", 40_000],
    ]);
  });

  it("books a repeated operation id once and returns the earlier entries", async () => {
    const commit: Operation = { kind: "commit", id: "same", grantId: grant, parts: [{ potId: rijk, cents: 30_000 }], date: "2026-03-02" };
    await apply(commit);
    const audits = await count(db, "audit_log");
    const again = await apply({ ...commit, date: "2026-03-03" });
    expect(again).toEqual({
      ok: true,
      repeated: true,
      entries: [{ id: "same", potId: rijk, grantId: grant, kind: "commitment", cents: 30_000, date: "2026-03-02" }],
    });
    expect((await entries()).filter((e) => e.operation_id === "same")).toHaveLength(1);
    expect(await count(db, "audit_log")).toBe(audits);
    // The same id for something else is refused, not booked.
    expect(await apply({ ...commit, parts: [{ potId: rijk, cents: 1 }] })).toEqual({ ok: false, reason: "duplicate_operation", operationId: "same" });
  });

  it("refuses an overdraft as a value and writes nothing", async () => {
    const before = await entries();
    const audits = await count(db, "audit_log");
    const result = await apply({
      kind: "commit",
      id: "big",
      grantId: grant,
      parts: [
        { potId: rijk, cents: 70_000 },
        { potId: partner, cents: 20_001 },
      ],
      date: "2026-03-02",
    });
    expect(result).toEqual({ ok: false, reason: "insufficient_funds", potId: partner, available: 20_000, requested: 20_001 });
    expect(await entries()).toEqual(before);
    expect(await count(db, "audit_log")).toBe(audits);
    expect(await apply({ kind: "commit", id: "late", grantId: grant, parts: [{ potId: rijk, cents: 1 }], date: "2027-01-01" })).toMatchObject({
      ok: false,
      reason: "outside_period",
    });
  });
});

describe("the ledger is append-only", () => {
  it("refuses to change or remove an entry, in the database itself", async () => {
    await expect(sql`update ledger_entries set cents = 1`.execute(db)).rejects.toThrow(/ledger_entries is append-only/);
    await expect(sql`delete from ledger_entries`.execute(db)).rejects.toThrow(/ledger_entries is append-only/);
    expect((await entries()).map((e) => Number(e.cents))).toEqual([100_000, 20_000]);
  });
});

describe("pot administration", () => {
  it("extends a pot's end with its reason kept, and never moves it earlier", async () => {
    const actor = { userId: null, label: "petra@example.org" };
    expect(await extendPotEnd(db, { potId: rijk, newEnd: "2027-06-30", reason: " Uitstelverzoek toegekend " }, actor, NOW)).toEqual({
      ok: true,
      oldEnd: "2026-12-31",
    });
    expect(await db.selectFrom("pots").select("period_end").where("id", "=", rijk).executeTakeFirstOrThrow()).toEqual({ period_end: "2027-06-30" });
    expect(await db.selectFrom("pot_end_changes").select(["old_end", "new_end", "reason", "actor_label"]).execute()).toEqual([
      { old_end: "2026-12-31", new_end: "2027-06-30", reason: "Uitstelverzoek toegekend", actor_label: "petra@example.org" },
    ]);
    expect((await auditTrail(db, "pot", rijk)).map((a) => a.action)).toEqual(["pot.created", "ledger.allocated", "pot.end_extended"]);
    expect(await extendPotEnd(db, { potId: rijk, newEnd: "2027-06-30", reason: "nog eens" }, actor, NOW)).toEqual({
      ok: false,
      reason: "not_later",
      periodEnd: "2027-06-30",
    });
    expect(await extendPotEnd(db, { potId: rijk, newEnd: "2028-01-01", reason: "  " }, actor, NOW)).toEqual({ ok: false, reason: "reason_required" });
    expect(await extendPotEnd(db, { potId: "nope", newEnd: "2028-01-01", reason: "x" }, actor, NOW)).toEqual({ ok: false, reason: "not_found" });
    // A commitment in the added months is now inside the period.
    expect(await apply({ kind: "commit", id: "c-late", grantId: grant, parts: [{ potId: rijk, cents: 1_000 }], date: "2027-03-01" })).toMatchObject({
      ok: true,
    });
  });

  it("counts a contribution in kind without making it spendable", async () => {
    const result = await registerInKind(
      db,
      { funderId: "rijk", periodStart: "2026-01-01", periodEnd: "2026-12-31", description: "Uren in werkgroepen", valueCents: 500_000 },
      SYSTEM,
      NOW,
    );
    expect(result).toMatchObject({ ok: true });
    expect(await balance(rijk)).toMatchObject({ budget: 100_000, available: 100_000 });
    expect(
      await registerInKind(db, { funderId: "rijk", periodStart: "2026-02-01", periodEnd: "2026-01-01", description: "x", valueCents: 1 }, SYSTEM, NOW),
    ).toMatchObject({
      ok: false,
      reason: "invalid_period",
    });
  });
});

describe("a lifecycle step whose money has no pot", () => {
  it("is refused as a value naming the day, and writes nothing", async () => {
    const reviewer = (await getUserById(
      db,
      await createTestUser(db, { email: "mirjam@example.org", name: "Mirjam", roles: ["reviewer"], at: NOW.toISOString() }),
    ))!;
    const inNextYear = new Date("2027-02-01T09:00:00Z"); // the test pots end on 31 December 2026
    expect((await applyLifecycleAction(db, grant, { type: "take" }, reviewer, { settings: TEST_SETTINGS }, inNextYear)).ok).toBe(true);
    const before = { entries: await entries(), audits: await count(db, "audit_log"), mails: await count(db, "outbox") };
    const result = await applyLifecycleAction(
      db,
      grant,
      { type: "approve", grantedCents: 10_000, overrideReason: "Het feest was al." },
      reviewer,
      { settings: TEST_SETTINGS },
      inNextYear,
    );
    expect(result).toEqual({ ok: false, reason: "no_pot_fits", date: "2027-02-01" });
    expect({ entries: await entries(), audits: await count(db, "audit_log"), mails: await count(db, "outbox") }).toEqual(before);
    expect((await db.selectFrom("applications").select("status").where("id", "=", grant).executeTakeFirstOrThrow()).status).toBe("in_review");
  });
});
