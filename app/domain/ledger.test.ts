import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { check, grantBalance, grantBalancesByPot, isIsoDate, potBalance, type LedgerEntry, type LedgerPot, type LedgerState, type Operation } from "./ledger";

const pots: LedgerPot[] = [
  { id: "rijk-2025", periodStart: "2025-01-01", periodEnd: "2025-12-31" },
  { id: "partner-2025", periodStart: "2025-01-01", periodEnd: "2025-12-31" },
  { id: "rijk-2026", periodStart: "2026-01-01", periodEnd: "2026-12-31" },
];

/** Apply operations one by one, failing the test on a refusal. */
function build(...operations: Operation[]): LedgerState {
  let entries: LedgerEntry[] = [];
  for (const operation of operations) {
    const result = check({ pots, entries }, operation);
    if (!result.ok) throw new Error(`refused ${operation.id}: ${result.reason}`);
    entries = [...entries, ...result.entries];
  }
  return { pots, entries };
}

const alloc = (id: string, potId: string, cents: number, date = "2025-01-01"): Operation => ({
  kind: "allocate",
  id,
  potId,
  cents,
  date,
});

const funded = () => build(alloc("a1", "rijk-2025", 10_000), alloc("a2", "partner-2025", 5_000));

describe("isIsoDate", () => {
  it.each(["2024-02-29", "2025-01-31", "2025-12-31", "2025-01-01", "2025-04-30"])("accepts %s", (d) => {
    expect(isIsoDate(d)).toBe(true);
  });
  it.each(["2023-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00", "2025-1-01", "x2025-01-01", "2025-01-01x", ""])("refuses %s", (d) => {
    expect(isIsoDate(d)).toBe(false);
  });
});

describe("balances", () => {
  const entries: LedgerEntry[] = [
    { id: "a", potId: "p", kind: "allocation", cents: 10_000, date: "2025-01-01" },
    { id: "a2", potId: "p", kind: "allocation", cents: 500, date: "2025-01-02" },
    { id: "c", potId: "p", grantId: "g", kind: "commitment", cents: 3_000, date: "2025-02-01" },
    { id: "c", potId: "q", grantId: "g", kind: "commitment", cents: 1_000, date: "2025-02-01" },
    { id: "c2", potId: "p", grantId: "h", kind: "commitment", cents: 2_000, date: "2025-02-01" },
    { id: "d", potId: "p", grantId: "g", kind: "disbursement", cents: 1_200, date: "2025-03-01" },
    { id: "r", potId: "p", grantId: "g", kind: "release", cents: 700, date: "2025-04-01" },
    { id: "x", potId: "q", kind: "allocation", cents: 99, date: "2025-01-01" },
  ];

  it("derives a pot's budget, committed, paid, available and outstanding", () => {
    expect(potBalance(entries, "p")).toEqual({
      budget: 10_500,
      committed: 4_300,
      paid: 1_200,
      available: 6_200,
      outstanding: 3_100,
    });
    expect(potBalance(entries, "nothing")).toEqual({ budget: 0, committed: 0, paid: 0, available: 0, outstanding: 0 });
  });

  it("derives a grant's balance in one pot and over all its pots", () => {
    expect(grantBalance(entries, "g", "p")).toEqual({ committed: 2_300, paid: 1_200, outstanding: 1_100 });
    expect(grantBalance(entries, "g", "q")).toEqual({ committed: 1_000, paid: 0, outstanding: 1_000 });
    expect(grantBalance(entries, "g")).toEqual({ committed: 3_300, paid: 1_200, outstanding: 2_100 });
    expect(grantBalance(entries, "h")).toEqual({ committed: 2_000, paid: 0, outstanding: 2_000 });
  });

  it("lists a grant's pots in id order", () => {
    const reversed = [...entries].reverse();
    expect(grantBalancesByPot(reversed, "g")).toEqual([
      { potId: "p", committed: 2_300, paid: 1_200, outstanding: 1_100 },
      { potId: "q", committed: 1_000, paid: 0, outstanding: 1_000 },
    ]);
    expect(grantBalancesByPot(entries, "none")).toEqual([]);
  });
});

describe("allocate", () => {
  it("puts money into a pot", () => {
    expect(check({ pots, entries: [] }, alloc("a1", "rijk-2025", 4_900_000, "2025-03-04"))).toStrictEqual({
      ok: true,
      entries: [{ id: "a1", potId: "rijk-2025", kind: "allocation", cents: 4_900_000, date: "2025-03-04" }],
    });
  });

  it("allows booking a budget before the period starts and on its last day", () => {
    expect(check({ pots, entries: [] }, alloc("a", "rijk-2026", 1, "2025-11-15")).ok).toBe(true);
    expect(check({ pots, entries: [] }, alloc("a", "rijk-2026", 1, "2026-12-31")).ok).toBe(true);
  });

  it("refuses after the period end", () => {
    expect(check({ pots, entries: [] }, alloc("a", "rijk-2025", 1, "2026-01-01"))).toEqual({
      ok: false,
      reason: "outside_period",
      potId: "rijk-2025",
      date: "2026-01-01",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
    });
  });

  it("refuses an unknown pot, a bad amount and a bad date", () => {
    expect(check({ pots, entries: [] }, alloc("a", "nope", 1))).toEqual({ ok: false, reason: "unknown_pot", potId: "nope" });
    expect(check({ pots, entries: [] }, alloc("a", "rijk-2025", 0))).toEqual({ ok: false, reason: "not_positive", cents: 0 });
    expect(check({ pots, entries: [] }, alloc("a", "rijk-2025", -5))).toEqual({ ok: false, reason: "not_positive", cents: -5 });
    for (const cents of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(check({ pots, entries: [] }, alloc("a", "rijk-2025", cents))).toEqual({
        ok: false,
        reason: "not_whole_cents",
        cents,
      });
    }
    expect(check({ pots, entries: [] }, alloc("a", "rijk-2025", 1, "2025-02-30"))).toEqual({
      ok: false,
      reason: "invalid_date",
      date: "2025-02-30",
    });
  });
});

describe("commit", () => {
  const commit = (id: string, parts: { potId: string; cents: number }[], date = "2025-06-01"): Operation => ({
    kind: "commit",
    id,
    grantId: "g1",
    parts,
    date,
  });

  it("reserves money in every pot of a co-funded grant", () => {
    const parts = [
      { potId: "rijk-2025", cents: 8_000 },
      { potId: "partner-2025", cents: 2_000 },
    ];
    expect(check(funded(), commit("c1", parts))).toEqual({
      ok: true,
      entries: [
        { id: "c1", potId: "rijk-2025", grantId: "g1", kind: "commitment", cents: 8_000, date: "2025-06-01" },
        { id: "c1", potId: "partner-2025", grantId: "g1", kind: "commitment", cents: 2_000, date: "2025-06-01" },
      ],
    });
  });

  it("may use exactly what is available, not a cent more, and refuses all parts together", () => {
    expect(check(funded(), commit("c", [{ potId: "rijk-2025", cents: 10_000 }])).ok).toBe(true);
    expect(
      check(
        funded(),
        commit("c", [
          { potId: "rijk-2025", cents: 1 },
          { potId: "partner-2025", cents: 5_001 },
        ]),
      ),
    ).toEqual({ ok: false, reason: "insufficient_funds", potId: "partner-2025", available: 5_000, requested: 5_001 });
  });

  it("counts earlier commitments and releases in what is available", () => {
    const state = build(alloc("a1", "rijk-2025", 10_000), commit("c1", [{ potId: "rijk-2025", cents: 7_000 }]), {
      kind: "release",
      id: "r1",
      grantId: "g1",
      cents: 1_000,
      date: "2025-07-01",
    });
    expect(check(state, commit("c2", [{ potId: "rijk-2025", cents: 4_001 }]))).toMatchObject({
      reason: "insufficient_funds",
      available: 4_000,
    });
    expect(check(state, commit("c2", [{ potId: "rijk-2025", cents: 4_000 }])).ok).toBe(true);
  });

  it("only inside the pot's period, first and last day included", () => {
    const parts = [{ potId: "rijk-2025", cents: 1 }];
    expect(check(funded(), commit("c", parts, "2025-01-01")).ok).toBe(true);
    expect(check(funded(), commit("c", parts, "2025-12-31")).ok).toBe(true);
    expect(check(funded(), commit("c", parts, "2026-01-01"))).toMatchObject({ reason: "outside_period", date: "2026-01-01" });
    const early = build(alloc("a", "rijk-2026", 100, "2025-12-01"));
    expect(check(early, commit("c", [{ potId: "rijk-2026", cents: 1 }], "2025-12-31"))).toEqual({
      ok: false,
      reason: "outside_period",
      potId: "rijk-2026",
      date: "2025-12-31",
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
    });
  });

  it("refuses no parts, the same pot twice, unknown pots and bad amounts", () => {
    expect(check(funded(), commit("c", []))).toEqual({ ok: false, reason: "no_parts" });
    expect(
      check(
        funded(),
        commit("c", [
          { potId: "rijk-2025", cents: 1 },
          { potId: "rijk-2025", cents: 1 },
        ]),
      ),
    ).toEqual({ ok: false, reason: "duplicate_pot", potId: "rijk-2025" });
    expect(check(funded(), commit("c", [{ potId: "x", cents: 1 }]))).toEqual({ ok: false, reason: "unknown_pot", potId: "x" });
    expect(
      check(
        funded(),
        commit("c", [
          { potId: "rijk-2025", cents: 1 },
          { potId: "partner-2025", cents: 0 },
        ]),
      ),
    ).toEqual({ ok: false, reason: "not_positive", cents: 0 });
    expect(check(funded(), commit("c", [{ potId: "rijk-2025", cents: 1 }], "2025-6-1"))).toMatchObject({
      reason: "invalid_date",
    });
  });
});

describe("disburse and release", () => {
  // g1: 8000 from rijk, 2000 from partner.
  const committed = () =>
    build(alloc("a1", "rijk-2025", 10_000), alloc("a2", "partner-2025", 5_000), {
      kind: "commit",
      id: "c1",
      grantId: "g1",
      parts: [
        { potId: "rijk-2025", cents: 8_000 },
        { potId: "partner-2025", cents: 2_000 },
      ],
      date: "2025-06-01",
    });
  const pay = (id: string, cents: number, potId?: string, date = "2025-07-01"): Operation =>
    potId === undefined ? { kind: "disburse", id, grantId: "g1", cents, date } : { kind: "disburse", id, grantId: "g1", potId, cents, date };
  const release = (id: string, cents: number | "all", potId?: string, date = "2025-08-01"): Operation =>
    potId === undefined ? { kind: "release", id, grantId: "g1", cents, date } : { kind: "release", id, grantId: "g1", potId, cents, date };

  it("pays from one named pot", () => {
    expect(check(committed(), pay("d1", 500, "partner-2025"))).toEqual({
      ok: true,
      entries: [{ id: "d1", potId: "partner-2025", grantId: "g1", kind: "disbursement", cents: 500, date: "2025-07-01" }],
    });
  });

  it("spreads a payment over the pots in proportion to what is outstanding (largest remainder)", () => {
    expect(check(committed(), pay("d1", 1_001))).toEqual({
      ok: true,
      entries: [
        { id: "d1", potId: "partner-2025", grantId: "g1", kind: "disbursement", cents: 200, date: "2025-07-01" },
        { id: "d1", potId: "rijk-2025", grantId: "g1", kind: "disbursement", cents: 801, date: "2025-07-01" },
      ],
    });
  });

  it("skips pots with nothing outstanding", () => {
    const state = build(...committedOps(), pay("d1", 2_000, "partner-2025"));
    expect(check(state, pay("d2", 300))).toEqual({
      ok: true,
      entries: [{ id: "d2", potId: "rijk-2025", grantId: "g1", kind: "disbursement", cents: 300, date: "2025-07-01" }],
    });
  });

  it("never pays more than is outstanding", () => {
    expect(check(committed(), pay("d", 10_000)).ok).toBe(true);
    expect(check(committed(), pay("d", 10_001))).toEqual({
      ok: false,
      reason: "exceeds_outstanding",
      grantId: "g1",
      outstanding: 10_000,
      requested: 10_001,
    });
    expect(check(committed(), pay("d", 2_001, "partner-2025"))).toEqual({
      ok: false,
      reason: "exceeds_outstanding",
      grantId: "g1",
      outstanding: 2_000,
      requested: 2_001,
    });
    expect(check(committed(), pay("d", 1, "rijk-2026", "2026-02-01"))).toMatchObject({ reason: "exceeds_outstanding", outstanding: 0 });
  });

  it("may pay or release after the period end, not before its start", () => {
    expect(check(committed(), pay("d", 100, undefined, "2026-03-01")).ok).toBe(true);
    expect(check(committed(), release("r", "all", undefined, "2026-03-01")).ok).toBe(true);
    expect(check(committed(), pay("d", 100, undefined, "2024-12-31"))).toEqual({
      ok: false,
      reason: "outside_period",
      potId: "partner-2025",
      date: "2024-12-31",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
    });
    expect(check(committed(), pay("d", 100, "rijk-2025", "2024-12-31"))).toMatchObject({ reason: "outside_period" });
    const onFirstDay = build(alloc("a1", "rijk-2025", 10_000), {
      kind: "commit",
      id: "c1",
      grantId: "g1",
      parts: [{ potId: "rijk-2025", cents: 8_000 }],
      date: "2025-01-01",
    });
    expect(check(onFirstDay, pay("d", 100, "rijk-2025", "2025-01-01")).ok).toBe(true);
    // A named pot is checked even when nothing is outstanding there.
    expect(check(committed(), pay("d", 100, "rijk-2026", "2025-06-01"))).toMatchObject({
      reason: "outside_period",
      potId: "rijk-2026",
    });
  });

  it("refuses to pay or release before the grant's commitment (the curve would go below 0)", () => {
    // Issue 12: committed on 1 June, released on 1 May: the pot's net committed for May was −€ 100.
    const refused = {
      ok: false,
      reason: "before_commitment",
      grantId: "g1",
      date: "2025-05-31",
      committedOn: "2025-06-01",
    };
    expect(check(committed(), release("r", "all", undefined, "2025-05-31"))).toEqual(refused);
    expect(check(committed(), release("r", 100, "rijk-2025", "2025-05-31"))).toEqual(refused);
    expect(check(committed(), pay("d", 100, undefined, "2025-05-31"))).toEqual(refused);
    expect(check(committed(), pay("d", 100, "partner-2025", "2025-05-31"))).toEqual(refused);
    expect(check(committed(), release("r", "all", undefined, "2025-06-01")).ok).toBe(true);
    expect(check(committed(), pay("d", 100, undefined, "2025-06-01")).ok).toBe(true);
  });

  it("dates a payment on or after the latest commitment in each pot it pays from", () => {
    // A top-up of g1 in the partner pot on 1 September.
    const topUp: Operation = { kind: "commit", id: "c2", grantId: "g1", parts: [{ potId: "partner-2025", cents: 1_000 }], date: "2025-09-01" };
    const state = build(...committedOps(), topUp);
    expect(check(state, pay("d", 100, "partner-2025", "2025-08-31"))).toEqual({
      ok: false,
      reason: "before_commitment",
      grantId: "g1",
      date: "2025-08-31",
      committedOn: "2025-09-01",
    });
    // The rijk pot's only commitment is from 1 June, so rijk alone may pay on 31 August.
    expect(check(state, pay("d", 100, "rijk-2025", "2025-08-31")).ok).toBe(true);
    // Spread over both pots, the partner part binds.
    expect(check(state, pay("d", 100, undefined, "2025-08-31"))).toMatchObject({ reason: "before_commitment", committedOn: "2025-09-01" });
    // Only the grant's own commitments count, not its payments or another grant's commitment.
    const other: Operation = { kind: "commit", id: "c3", grantId: "g2", parts: [{ potId: "rijk-2025", cents: 1_000 }], date: "2025-10-01" };
    const busy = build(...committedOps(), pay("d1", 100, "rijk-2025", "2025-07-01"), other);
    expect(check(busy, pay("d2", 100, "rijk-2025", "2025-06-15")).ok).toBe(true);
    // The latest by date, also when an earlier-dated commitment was appended last.
    const backdated: Operation = { kind: "commit", id: "c0", grantId: "g1", parts: [{ potId: "partner-2025", cents: 500 }], date: "2025-03-01" };
    const mixed = build(...committedOps(), backdated);
    expect(check(mixed, pay("d", 100, "partner-2025", "2025-05-01"))).toMatchObject({ reason: "before_commitment", committedOn: "2025-06-01" });
    // Once the partner pot is paid out, a spread payment takes nothing there and is not held back by it.
    const partnerPaid = build(...committedOps(), topUp, pay("d1", 3_000, "partner-2025", "2025-09-02"));
    expect(check(partnerPaid, pay("d2", 100, undefined, "2025-08-31"))).toEqual({
      ok: true,
      entries: [{ id: "d2", potId: "rijk-2025", grantId: "g1", kind: "disbursement", cents: 100, date: "2025-08-31" }],
    });
  });

  it("refuses unknown pots, bad amounts and bad dates", () => {
    expect(check(committed(), pay("d", 1, "nope"))).toEqual({ ok: false, reason: "unknown_pot", potId: "nope" });
    expect(check(committed(), release("r", "all", "nope"))).toEqual({ ok: false, reason: "unknown_pot", potId: "nope" });
    // Entries of a pot the caller forgot to load.
    const partial = { pots: pots.filter((p) => p.id !== "partner-2025"), entries: committed().entries };
    expect(check(partial, pay("d", 100))).toEqual({ ok: false, reason: "unknown_pot", potId: "partner-2025" });
    expect(check(committed(), pay("d", 0))).toEqual({ ok: false, reason: "not_positive", cents: 0 });
    expect(check(committed(), pay("d", 0.5))).toEqual({ ok: false, reason: "not_whole_cents", cents: 0.5 });
    expect(check(committed(), release("r", -1))).toEqual({ ok: false, reason: "not_positive", cents: -1 });
    expect(check(committed(), pay("d", 1, undefined, "2025-07-32"))).toMatchObject({ reason: "invalid_date" });
  });

  it("releases part, all in one pot, or all of a grant, and frees the money", () => {
    expect(check(committed(), release("r", 1_000))).toEqual({
      ok: true,
      entries: [
        { id: "r", potId: "partner-2025", grantId: "g1", kind: "release", cents: 200, date: "2025-08-01" },
        { id: "r", potId: "rijk-2025", grantId: "g1", kind: "release", cents: 800, date: "2025-08-01" },
      ],
    });
    expect(check(committed(), release("r", "all", "rijk-2025"))).toEqual({
      ok: true,
      entries: [{ id: "r", potId: "rijk-2025", grantId: "g1", kind: "release", cents: 8_000, date: "2025-08-01" }],
    });
    const paid = build(...committedOps(), pay("d1", 3_000, "rijk-2025"));
    const all = check(paid, release("r", "all"));
    expect(all).toEqual({
      ok: true,
      entries: [
        { id: "r", potId: "partner-2025", grantId: "g1", kind: "release", cents: 2_000, date: "2025-08-01" },
        { id: "r", potId: "rijk-2025", grantId: "g1", kind: "release", cents: 5_000, date: "2025-08-01" },
      ],
    });
    const settled = build(...committedOps(), pay("d1", 3_000, "rijk-2025"), release("r", "all"));
    expect(potBalance(settled.entries, "rijk-2025")).toEqual({
      budget: 10_000,
      committed: 3_000,
      paid: 3_000,
      available: 7_000,
      outstanding: 0,
    });
    expect(grantBalance(settled.entries, "g1")).toEqual({ committed: 3_000, paid: 3_000, outstanding: 0 });
  });

  it("refuses to release more than is outstanding, or 'all' when nothing is", () => {
    expect(check(committed(), release("r", 10_001))).toMatchObject({ reason: "exceeds_outstanding", outstanding: 10_000 });
    const settled = build(...committedOps(), release("r", "all"));
    expect(check(settled, release("r2", "all"))).toEqual({ ok: false, reason: "nothing_outstanding", grantId: "g1" });
    expect(check(committed(), release("r2", "all", "rijk-2026", "2026-02-01"))).toEqual({
      ok: false,
      reason: "nothing_outstanding",
      grantId: "g1",
    });
  });

  function committedOps(): Operation[] {
    return [
      alloc("a1", "rijk-2025", 10_000),
      alloc("a2", "partner-2025", 5_000),
      {
        kind: "commit",
        id: "c1",
        grantId: "g1",
        parts: [
          { potId: "rijk-2025", cents: 8_000 },
          { potId: "partner-2025", cents: 2_000 },
        ],
        date: "2025-06-01",
      },
    ];
  }
});

describe("an operation id is applied at most once", () => {
  const ops: Operation[] = [
    alloc("a1", "rijk-2025", 10_000),
    alloc("a2", "partner-2025", 5_000),
    {
      kind: "commit",
      id: "c1",
      grantId: "g1",
      parts: [
        { potId: "rijk-2025", cents: 8_000 },
        { potId: "partner-2025", cents: 2_000 },
      ],
      date: "2025-06-01",
    },
    { kind: "disburse", id: "d1", grantId: "g1", cents: 1_000, date: "2025-07-01" },
    { kind: "disburse", id: "d2", grantId: "g1", potId: "rijk-2025", cents: 100, date: "2025-07-01" },
    { kind: "release", id: "r1", grantId: "g1", potId: "partner-2025", cents: 300, date: "2025-08-01" },
    { kind: "release", id: "r2", grantId: "g1", cents: "all", date: "2025-09-01" },
  ];
  // Built inside each test (not while collecting tests), so mutation testing can tell tests apart.
  const applied = () => build(...ops);

  it.each(ops.map((op) => [op.id, op] as const))("a retry of %s appends nothing", (_id, op) => {
    expect(check(applied(), op)).toEqual({ ok: true, entries: [] });
    expect(check(applied(), { ...op, date: "2025-12-30" })).toEqual({ ok: true, entries: [] });
  });

  it("a retry succeeds even when the operation would now be refused", () => {
    const spent = build(alloc("a1", "rijk-2025", 100), {
      kind: "commit",
      id: "c1",
      grantId: "g1",
      parts: [{ potId: "rijk-2025", cents: 100 }],
      date: "2025-06-01",
    });
    const retry: Operation = { kind: "commit", id: "c1", grantId: "g1", parts: [{ potId: "rijk-2025", cents: 100 }], date: "x" };
    expect(check(spent, retry)).toEqual({ ok: true, entries: [] });
  });

  it("commit parts may come back in another order", () => {
    const op = ops[2] as Extract<Operation, { kind: "commit" }>;
    expect(check(applied(), { ...op, parts: [...op.parts].reverse() })).toEqual({ ok: true, entries: [] });
  });

  const reused: Array<[string, Operation]> = [
    ["allocation, other pot", alloc("a1", "partner-2025", 10_000)],
    ["allocation, other amount", alloc("a1", "rijk-2025", 10_001)],
    ["allocation id used for a commitment", { kind: "commit", id: "a1", grantId: "g1", parts: [{ potId: "rijk-2025", cents: 10_000 }], date: "2025-06-01" }],
    [
      "commitment, other grant",
      {
        kind: "commit",
        id: "c1",
        grantId: "g2",
        parts: [
          { potId: "rijk-2025", cents: 8_000 },
          { potId: "partner-2025", cents: 2_000 },
        ],
        date: "2025-06-01",
      },
    ],
    [
      "commitment, other parts",
      {
        kind: "commit",
        id: "c1",
        grantId: "g1",
        parts: [
          { potId: "rijk-2025", cents: 8_000 },
          { potId: "partner-2025", cents: 2_001 },
        ],
        date: "2025-06-01",
      },
    ],
    ["commitment, fewer parts", { kind: "commit", id: "c1", grantId: "g1", parts: [{ potId: "rijk-2025", cents: 8_000 }], date: "2025-06-01" }],
    ["disbursement, other amount", { kind: "disburse", id: "d1", grantId: "g1", cents: 999, date: "2025-07-01" }],
    ["disbursement, other grant", { kind: "disburse", id: "d1", grantId: "g2", cents: 1_000, date: "2025-07-01" }],
    ["disbursement, other pot", { kind: "disburse", id: "d2", grantId: "g1", potId: "partner-2025", cents: 100, date: "2025-07-01" }],
    ["disbursement id used for a release", { kind: "release", id: "d2", grantId: "g1", potId: "rijk-2025", cents: 100, date: "2025-07-01" }],
    ["release, other amount", { kind: "release", id: "r1", grantId: "g1", potId: "partner-2025", cents: 301, date: "2025-08-01" }],
    ["release all, other pot", { kind: "release", id: "r1", grantId: "g1", potId: "rijk-2025", cents: "all", date: "2025-08-01" }],
    ["release all, other grant", { kind: "release", id: "r2", grantId: "g2", cents: "all", date: "2025-09-01" }],
  ];
  it.each(reused)("refuses an id reused for something else: %s", (_what, op) => {
    expect(check(applied(), op)).toEqual({ ok: false, reason: "duplicate_operation", operationId: op.id });
  });

  it("an allocation retry must match a single entry", () => {
    const twoPots: LedgerState = {
      pots,
      entries: [
        { id: "a", potId: "rijk-2025", kind: "allocation", cents: 5, date: "2025-01-01" },
        { id: "a", potId: "rijk-2025", kind: "allocation", cents: 5, date: "2025-01-01" },
      ],
    };
    expect(check(twoPots, alloc("a", "rijk-2025", 10))).toMatchObject({ reason: "duplicate_operation" });
  });

  // States check() itself never writes, but a damaged database might hold: one id, mixed entries.
  it("every earlier entry of the id must match, not just one", () => {
    const e = (over: Partial<LedgerEntry>): LedgerEntry => ({
      id: "x",
      potId: "rijk-2025",
      grantId: "g1",
      kind: "commitment",
      cents: 100,
      date: "2025-06-01",
      ...over,
    });
    const commitParts = [
      { potId: "rijk-2025", cents: 100 },
      { potId: "partner-2025", cents: 50 },
    ];
    const mixedKinds = { pots, entries: [e({}), e({ kind: "release", potId: "partner-2025", cents: 50 })] };
    expect(check(mixedKinds, { kind: "commit", id: "x", grantId: "g1", parts: commitParts, date: "2025-06-01" })).toMatchObject({
      reason: "duplicate_operation",
    });
    const mixedGrants = { pots, entries: [e({}), e({ grantId: "g2", potId: "partner-2025", cents: 50 })] };
    expect(check(mixedGrants, { kind: "commit", id: "x", grantId: "g1", parts: commitParts, date: "2025-06-01" })).toMatchObject({
      reason: "duplicate_operation",
    });
    const paidTwoGrants = {
      pots,
      entries: [e({ kind: "disbursement" }), e({ kind: "disbursement", grantId: "g2" })],
    };
    expect(check(paidTwoGrants, { kind: "disburse", id: "x", grantId: "g1", cents: 200, date: "2025-06-01" })).toMatchObject({
      reason: "duplicate_operation",
    });
    const paidTwoPots = {
      pots,
      entries: [e({ kind: "disbursement" }), e({ kind: "disbursement", potId: "partner-2025" })],
    };
    expect(check(paidTwoPots, { kind: "disburse", id: "x", grantId: "g1", potId: "rijk-2025", cents: 200, date: "2025-06-01" })).toMatchObject({
      reason: "duplicate_operation",
    });
    expect(check(paidTwoPots, { kind: "disburse", id: "x", grantId: "g1", cents: 200, date: "2025-06-01" })).toEqual({
      ok: true,
      entries: [],
    });
  });

  it("a release retry with 'all' still checks the pot and grant", () => {
    expect(check(applied(), { kind: "release", id: "r1", grantId: "g1", potId: "partner-2025", cents: "all", date: "2025-08-01" })).toEqual({
      ok: true,
      entries: [],
    });
  });
});

// Property: whatever happens, the ledger keeps its promises. The generator is biased toward
// operations that can succeed (known pots, dates in 2025/2026, small amounts) so that commits,
// payments and releases really happen; a step may also retry an earlier operation.
describe("properties over random operation sequences", () => {
  const potIds = ["rijk-2025", "partner-2025", "rijk-2026", "ghost"];
  const grantIds = ["g1", "g2"];
  const idArb = fc.integer({ min: 1, max: 60 }).map((n) => `o${n}`);
  const centsArb = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 3_000 }), weight: 8 }, { arbitrary: fc.integer({ min: -3, max: 3 }), weight: 1 });
  const potArb = fc.oneof(
    { arbitrary: fc.constantFrom("rijk-2025", "partner-2025"), weight: 16 },
    { arbitrary: fc.constant("rijk-2026"), weight: 3 },
    { arbitrary: fc.constant("ghost"), weight: 1 },
  );
  const grantArb = fc.constantFrom(...grantIds);
  const dateArb = fc.oneof(
    { arbitrary: fc.constantFrom("2025-01-01", "2025-06-15", "2025-12-31"), weight: 12 },
    { arbitrary: fc.constantFrom("2026-01-01", "2026-07-01"), weight: 3 },
    { arbitrary: fc.constantFrom("2024-12-31", "2027-01-01", "2025-02-30"), weight: 1 },
  );
  const smallCentsArb = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 600 }), weight: 8 }, { arbitrary: fc.integer({ min: -3, max: 3_000 }), weight: 2 });

  const opArb: fc.Arbitrary<Operation> = fc.oneof(
    fc.record({
      kind: fc.constant("allocate" as const),
      id: idArb,
      potId: potArb,
      cents: centsArb.map((c) => c * 10),
      date: dateArb,
    }),
    fc.record({
      kind: fc.constant("commit" as const),
      id: idArb,
      grantId: grantArb,
      parts: fc.oneof(
        { arbitrary: fc.array(fc.record({ potId: potArb, cents: smallCentsArb }), { minLength: 1, maxLength: 2 }), weight: 12 },
        { arbitrary: fc.constant([]), weight: 1 },
      ),
      date: dateArb,
    }),
    fc.record(
      { kind: fc.constant("disburse" as const), id: idArb, grantId: grantArb, potId: potArb, cents: smallCentsArb, date: dateArb },
      { requiredKeys: ["kind", "id", "grantId", "cents", "date"] },
    ),
    fc.record(
      {
        kind: fc.constant("release" as const),
        id: idArb,
        grantId: grantArb,
        potId: potArb,
        cents: fc.oneof(smallCentsArb, fc.constant("all" as const)),
        date: dateArb,
      },
      { requiredKeys: ["kind", "id", "grantId", "cents", "date"] },
    ),
  );
  /** A step is a new operation or a retry of the n-th earlier step. */
  const stepArb = fc.oneof({ arbitrary: opArb, weight: 6 }, { arbitrary: fc.nat().map((n) => ({ retry: n })), weight: 1 });

  function sum(entries: readonly LedgerEntry[], kind: LedgerEntry["kind"], pred: (e: LedgerEntry) => boolean) {
    return entries.filter((e) => e.kind === kind && pred(e)).reduce((s, e) => s + e.cents, 0);
  }

  // Plain checks (not expect) inside the loop: thousands of steps must stay fast under Stryker.
  function assert(condition: boolean, message: string): void {
    if (!condition) throw new Error(message);
  }

  function assertInvariants(entries: readonly LedgerEntry[]) {
    for (const potId of potIds) {
      const inPot = (e: LedgerEntry) => e.potId === potId;
      const b = potBalance(entries, potId);
      const budget = sum(entries, "allocation", inPot);
      const committed = sum(entries, "commitment", inPot) - sum(entries, "release", inPot);
      const paid = sum(entries, "disbursement", inPot);
      assert(b.budget === budget && b.committed === committed && b.paid === paid, `sums of ${potId}`);
      assert(b.available === budget - committed && b.outstanding === committed - paid, `identity of ${potId}`);
      assert(b.available >= 0 && b.committed >= 0 && b.paid >= 0 && b.outstanding >= 0, `negative in ${potId}`);
      for (const grantId of grantIds) {
        const g = grantBalance(entries, grantId, potId);
        assert(g.outstanding >= 0 && g.paid >= 0 && g.outstanding === g.committed - g.paid, `grant ${grantId}`);
      }
    }
    for (const e of entries) assert(Number.isSafeInteger(e.cents) && e.cents > 0, `entry ${e.id}`);
    // As of every day (not only in the end), no grant has paid or released more than it had committed.
    for (const day of new Set(entries.map((e) => e.date))) {
      const upTo = entries.filter((e) => e.date <= day);
      for (const potId of potIds) {
        for (const grantId of grantIds) {
          const g = grantBalance(upTo, grantId, potId);
          assert(g.committed >= 0 && g.outstanding >= 0, `grant ${grantId} in ${potId} on ${day}`);
        }
      }
    }
  }

  it("identity holds, nothing goes negative, refusals change nothing, retries append nothing", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 10, maxLength: 60, size: "medium" }), (steps) => {
        // Start from funded pots so that commitments, payments and releases really happen.
        let entries: readonly LedgerEntry[] = build(alloc("seed1", "rijk-2025", 20_000), alloc("seed2", "partner-2025", 5_000)).entries;
        const history: Operation[] = [];
        const applied = new Map<string, Operation>();
        for (const step of steps) {
          if ("retry" in step && history.length === 0) continue;
          const operation = "retry" in step ? history[step.retry % history.length]! : step;
          history.push(operation);
          // Frozen, so check cannot change the ledger it is given (writing would throw).
          const frozen = Object.freeze(entries.map((e) => Object.freeze({ ...e })));
          const result = check({ pots, entries: frozen }, operation);
          if (result.ok) {
            assert(
              result.entries.every((e) => e.id === operation.id),
              "entries carry the operation id",
            );
            if (result.entries.length > 0) {
              assert(!applied.has(operation.id), "an id is applied once");
              applied.set(operation.id, operation);
              seen.add(operation.kind);
            } else {
              assert(applied.get(operation.id) !== undefined, "only a retry appends nothing");
            }
            entries = [...frozen, ...result.entries];
          } else {
            assert(applied.get(operation.id) !== operation, "a retry of an applied operation is never refused");
          }
          assertInvariants(entries);
        }
        for (const operation of applied.values()) {
          const retry = check({ pots, entries }, operation);
          assert(retry.ok && retry.entries.length === 0, "a late retry appends nothing");
        }
      }),
      { numRuns: 150 },
    );
    // The generator must really exercise every kind of operation.
    expect([...seen].sort()).toEqual(["allocate", "commit", "disburse", "release"]);
  });
});
