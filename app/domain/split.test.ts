import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { byStatedOrder, parseSplitRule, proposeSplit, type RuleLine, type SplitGrant, type SplitPot } from "./split";

const pot = (id: string, over: Partial<SplitPot> = {}): SplitPot => ({
  id,
  name: id,
  funderKind: "gemeente",
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  availableCents: 1_000_000,
  earmarks: {},
  priority: 5,
  ...over,
});

const rijk = pot("rijk-2025", { funderKind: "rijk", priority: 1 });
const alwel = pot("alwel-2025", { funderKind: "partner", availableCents: 500_000, priority: 2 });
const gemeente = pot("gemeente-2025", { funderKind: "gemeente", availableCents: 300_000, priority: 3 });
const standard: RuleLine[] = [
  { funderKind: "rijk", shareBasisPoints: 8_000 },
  { funderKind: "partner", shareBasisPoints: 2_000 },
];
const grant = (over: Partial<SplitGrant> = {}): SplitGrant => ({
  cents: 100_000,
  areaId: "kalsdonk",
  factorIds: ["ontmoeting"],
  activityDate: "2025-06-01",
  ...over,
});

describe("proposeSplit: the default rule", () => {
  it("pays 80% Rijk and 20% partner when everything allows it", () => {
    expect(proposeSplit([gemeente, alwel, rijk], grant(), standard)).toEqual({
      ok: true,
      parts: [
        { potId: "rijk-2025", cents: 80_000 },
        { potId: "alwel-2025", cents: 20_000 },
      ],
      explanation: [
        { potId: "rijk-2025", used: true, cents: 80_000, reason: "default_share", shareBasisPoints: 8_000 },
        { potId: "alwel-2025", used: true, cents: 20_000, reason: "default_share", shareBasisPoints: 2_000 },
        { potId: "gemeente-2025", used: false, cents: 0, reason: "not_needed" },
      ],
    });
  });

  it("divides odd cents by largest remainder", () => {
    const result = proposeSplit([rijk, alwel], grant({ cents: 1_001 }), standard);
    expect(result).toMatchObject({
      parts: [
        { potId: "rijk-2025", cents: 801 },
        { potId: "alwel-2025", cents: 200 },
      ],
    });
    const thirds = proposeSplit([rijk, alwel, gemeente], grant({ cents: 100 }), [
      { potId: "gemeente-2025", shareBasisPoints: 3_300 },
      { potId: "alwel-2025", shareBasisPoints: 3_300 },
      { potId: "rijk-2025", shareBasisPoints: 3_400 },
    ]);
    expect(thirds).toMatchObject({
      parts: [
        { potId: "rijk-2025", cents: 34 },
        { potId: "alwel-2025", cents: 33 },
        { potId: "gemeente-2025", cents: 33 },
      ],
    });
  });

  it("takes the share of a kind line from its pots in stated order", () => {
    const rijkA = pot("rijk-a", { funderKind: "rijk", availableCents: 30_000, priority: 1 });
    const rijkB = pot("rijk-b", { funderKind: "rijk", priority: 1 });
    expect(proposeSplit([rijkB, alwel, rijkA], grant(), standard)).toEqual({
      ok: true,
      parts: [
        { potId: "rijk-a", cents: 30_000 },
        { potId: "rijk-b", cents: 50_000 },
        { potId: "alwel-2025", cents: 20_000 },
      ],
      explanation: [
        { potId: "rijk-a", used: true, cents: 30_000, reason: "all_available", availableCents: 30_000 },
        { potId: "rijk-b", used: true, cents: 50_000, reason: "default_share", shareBasisPoints: 8_000 },
        { potId: "alwel-2025", used: true, cents: 20_000, reason: "default_share", shareBasisPoints: 2_000 },
      ],
    });
  });

  it("keeps the share of the first line that paid a pot named by two lines", () => {
    const rule: RuleLine[] = [
      { potId: "rijk-2025", shareBasisPoints: 5_000 },
      { funderKind: "rijk", shareBasisPoints: 3_000 },
    ];
    expect(proposeSplit([rijk, gemeente], grant(), rule)).toEqual({
      ok: true,
      parts: [
        { potId: "rijk-2025", cents: 80_000 },
        { potId: "gemeente-2025", cents: 20_000 },
      ],
      explanation: [
        { potId: "rijk-2025", used: true, cents: 80_000, reason: "default_share", shareBasisPoints: 5_000 },
        { potId: "gemeente-2025", used: true, cents: 20_000, reason: "filled_rest" },
      ],
    });
  });

  it("takes the share of a line that gave the pot money, not of a line that gave it nothing", () => {
    const rule: RuleLine[] = [
      { funderKind: "rijk", shareBasisPoints: 0 },
      { potId: "rijk-2025", shareBasisPoints: 5_000 },
    ];
    expect(proposeSplit([rijk, gemeente], grant(), rule)).toMatchObject({
      explanation: [
        { potId: "rijk-2025", cents: 50_000, reason: "default_share", shareBasisPoints: 5_000 },
        { potId: "gemeente-2025", cents: 50_000, reason: "filled_rest" },
      ],
    });
  });

  it("fills the rest from an unnamed pot before a pot the rule names by id", () => {
    expect(proposeSplit([gemeente, rijk], grant(), [{ potId: "rijk-2025", shareBasisPoints: 5_000 }])).toMatchObject({
      parts: [
        { potId: "rijk-2025", cents: 50_000 },
        { potId: "gemeente-2025", cents: 50_000 },
      ],
    });
  });

  it("explains a pot without money even when it was not needed", () => {
    const rich = pot("a-rich", { priority: 0 });
    const empty = pot("b-empty", { priority: 9, availableCents: 0 });
    const zero = pot("c-zero", { priority: 9, earmarks: { maxShareBasisPoints: 0 } });
    expect(proposeSplit([zero, empty, rich], grant(), [])).toMatchObject({
      explanation: [
        { potId: "a-rich", cents: 100_000, reason: "filled_rest" },
        { potId: "b-empty", cents: 0, used: false, reason: "no_funds" },
        { potId: "c-zero", cents: 0, used: false, reason: "share_cap", maxShareBasisPoints: 0 },
      ],
    });
  });

  it("fills what the rule leaves open from pots the rule does not name, in stated order", () => {
    const extra = pot("zz-fonds", { funderKind: "gemeente", priority: 3, availableCents: 5_000 });
    const result = proposeSplit([extra, gemeente, rijk, alwel], grant(), [{ potId: "alwel-2025", shareBasisPoints: 2_000 }]);
    expect(result).toEqual({
      ok: true,
      parts: [
        { potId: "rijk-2025", cents: 80_000 },
        { potId: "alwel-2025", cents: 20_000 },
      ],
      explanation: [
        { potId: "rijk-2025", used: true, cents: 80_000, reason: "filled_rest" },
        { potId: "alwel-2025", used: true, cents: 20_000, reason: "default_share", shareBasisPoints: 2_000 },
        { potId: "gemeente-2025", used: false, cents: 0, reason: "not_needed" },
        { potId: "zz-fonds", used: false, cents: 0, reason: "not_needed" },
      ],
    });
  });

  it("with an empty rule takes everything in stated order", () => {
    const small = pot("a-small", { priority: 0, availableCents: 40_000 });
    expect(proposeSplit([gemeente, small], grant(), [])).toEqual({
      ok: true,
      parts: [
        { potId: "a-small", cents: 40_000 },
        { potId: "gemeente-2025", cents: 60_000 },
      ],
      explanation: [
        { potId: "a-small", used: true, cents: 40_000, reason: "all_available", availableCents: 40_000 },
        { potId: "gemeente-2025", used: true, cents: 60_000, reason: "filled_rest" },
      ],
    });
  });

  it("orders pots by priority, then id, whatever the input order", () => {
    const b = pot("b", { priority: 1 });
    const a = pot("a", { priority: 1 });
    const c = pot("c", { priority: 0 });
    expect([b, a, c].sort(byStatedOrder).map((p) => p.id)).toEqual(["c", "a", "b"]);
    expect([a, b].sort(byStatedOrder).map((p) => p.id)).toEqual(["a", "b"]);
    expect(byStatedOrder(a, b)).toBe(-1);
    expect(byStatedOrder(b, a)).toBe(1);
    expect(byStatedOrder(c, a)).toBe(-1);
  });
});

describe("proposeSplit: when the rule cannot be followed", () => {
  it("fills the partner's shortfall from the gemeente", () => {
    const poorPartner = { ...alwel, availableCents: 5_000 };
    expect(proposeSplit([rijk, poorPartner, gemeente], grant(), standard)).toEqual({
      ok: true,
      parts: [
        { potId: "rijk-2025", cents: 80_000 },
        { potId: "alwel-2025", cents: 5_000 },
        { potId: "gemeente-2025", cents: 15_000 },
      ],
      explanation: [
        { potId: "rijk-2025", used: true, cents: 80_000, reason: "default_share", shareBasisPoints: 8_000 },
        { potId: "alwel-2025", used: true, cents: 5_000, reason: "all_available", availableCents: 5_000 },
        { potId: "gemeente-2025", used: true, cents: 15_000, reason: "filled_rest" },
      ],
    });
  });

  it("lets a rule pot pay the rest when no other pot can", () => {
    const westOnly = { ...alwel, earmarks: { areaIds: ["westrand"] } };
    expect(proposeSplit([rijk, westOnly], grant(), standard)).toEqual({
      ok: true,
      parts: [{ potId: "rijk-2025", cents: 100_000 }],
      explanation: [
        { potId: "rijk-2025", used: true, cents: 100_000, reason: "filled_rest" },
        { potId: "alwel-2025", used: false, cents: 0, reason: "only_for_areas", areaIds: ["westrand"] },
      ],
    });
  });

  it("respects a share cap and an amount cap", () => {
    const halfRijk = { ...rijk, earmarks: { maxShareBasisPoints: 5_000 } };
    const smallPartner = { ...alwel, earmarks: { maxCentsPerGrant: 10_000 } };
    expect(proposeSplit([halfRijk, smallPartner, gemeente], grant(), standard)).toEqual({
      ok: true,
      parts: [
        { potId: "rijk-2025", cents: 50_000 },
        { potId: "alwel-2025", cents: 10_000 },
        { potId: "gemeente-2025", cents: 40_000 },
      ],
      explanation: [
        { potId: "rijk-2025", used: true, cents: 50_000, reason: "share_cap", maxShareBasisPoints: 5_000 },
        { potId: "alwel-2025", used: true, cents: 10_000, reason: "amount_cap", maxCentsPerGrant: 10_000 },
        { potId: "gemeente-2025", used: true, cents: 40_000, reason: "filled_rest" },
      ],
    });
  });

  it("rounds a share cap down to whole cents", () => {
    const capped = { ...gemeente, earmarks: { maxShareBasisPoints: 5_000 } };
    expect(proposeSplit([capped, rijk], grant({ cents: 999 }), [{ potId: "gemeente-2025", shareBasisPoints: 10_000 }])).toMatchObject({
      parts: [
        { potId: "rijk-2025", cents: 500 },
        { potId: "gemeente-2025", cents: 499 },
      ],
    });
  });

  it("takes a share cap in basis points exactly: 0.7 % of € 110,00 is 77 cents", () => {
    // Issue 12: as a fractional percent (0.7) the cap came out at 76 cents.
    const tiny = pot("a-tiny", { priority: 0, earmarks: { maxShareBasisPoints: 70 } });
    expect(proposeSplit([tiny, rijk], grant({ cents: 11_000 }), [{ potId: "a-tiny", shareBasisPoints: 10_000 }])).toEqual({
      ok: true,
      parts: [
        { potId: "a-tiny", cents: 77 },
        { potId: "rijk-2025", cents: 10_923 },
      ],
      explanation: [
        { potId: "a-tiny", used: true, cents: 77, reason: "share_cap", maxShareBasisPoints: 70 },
        { potId: "rijk-2025", used: true, cents: 10_923, reason: "filled_rest" },
      ],
    });
    // A rule line of 0.7 % places exactly that share too.
    expect(proposeSplit([rijk, alwel], grant({ cents: 11_000 }), [{ potId: "alwel-2025", shareBasisPoints: 70 }])).toMatchObject({
      parts: [
        { potId: "rijk-2025", cents: 10_923 },
        { potId: "alwel-2025", cents: 77 },
      ],
    });
  });

  it("names the binding limit: the smallest, ties going to money, then amount", () => {
    const tie1 = pot("p", { availableCents: 10_000, earmarks: { maxCentsPerGrant: 10_000, maxShareBasisPoints: 1_000 } });
    expect(proposeSplit([tie1, rijk], grant(), [{ potId: "p", shareBasisPoints: 10_000 }])).toMatchObject({
      explanation: [{ potId: "rijk-2025" }, { potId: "p", cents: 10_000, reason: "all_available", availableCents: 10_000 }],
    });
    const tie2 = pot("p", { earmarks: { maxCentsPerGrant: 10_000, maxShareBasisPoints: 1_000 } });
    expect(proposeSplit([tie2, rijk], grant(), [{ potId: "p", shareBasisPoints: 10_000 }])).toMatchObject({
      explanation: [{ potId: "rijk-2025" }, { potId: "p", cents: 10_000, reason: "amount_cap", maxCentsPerGrant: 10_000 }],
    });
    const shareFirst = pot("p", { earmarks: { maxCentsPerGrant: 10_001, maxShareBasisPoints: 1_000 } });
    expect(proposeSplit([shareFirst, rijk], grant(), [{ potId: "p", shareBasisPoints: 10_000 }])).toMatchObject({
      explanation: [{ potId: "rijk-2025" }, { potId: "p", cents: 10_000, reason: "share_cap", maxShareBasisPoints: 1_000 }],
    });
  });

  it("does not call a pot limited when its share exactly fits the cap", () => {
    const exact = { ...rijk, earmarks: { maxShareBasisPoints: 8_000 } };
    expect(proposeSplit([exact, alwel], grant(), standard)).toMatchObject({
      explanation: [
        { potId: "rijk-2025", cents: 80_000, reason: "default_share", shareBasisPoints: 8_000 },
        { potId: "alwel-2025", cents: 20_000, reason: "default_share", shareBasisPoints: 2_000 },
      ],
    });
  });

  it("explains pots that cannot pay this grant", () => {
    const pots = [
      pot("a-past", { periodStart: "2024-01-01", periodEnd: "2024-12-31" }),
      pot("b-future", { periodStart: "2025-06-02", periodEnd: "2025-12-31" }),
      pot("c-area", { earmarks: { areaIds: ["westrand", "langdonk"] } }),
      pot("d-factor", { earmarks: { factorIds: ["gezin"] } }),
      pot("e-empty", { availableCents: 0 }),
      pot("f-zero-share", { earmarks: { maxShareBasisPoints: 0 } }),
      pot("g-zero-amount", { earmarks: { maxCentsPerGrant: -5 } }),
      pot("h-negative-share", { earmarks: { maxShareBasisPoints: -1_000 } }),
      pot("i-ok", { availableCents: 100_000 }),
    ];
    expect(proposeSplit(pots, grant(), [])).toEqual({
      ok: true,
      parts: [{ potId: "i-ok", cents: 100_000 }],
      explanation: [
        { potId: "a-past", used: false, cents: 0, reason: "outside_period", periodStart: "2024-01-01", periodEnd: "2024-12-31" },
        { potId: "b-future", used: false, cents: 0, reason: "outside_period", periodStart: "2025-06-02", periodEnd: "2025-12-31" },
        { potId: "c-area", used: false, cents: 0, reason: "only_for_areas", areaIds: ["westrand", "langdonk"] },
        { potId: "d-factor", used: false, cents: 0, reason: "only_for_factors", factorIds: ["gezin"] },
        { potId: "e-empty", used: false, cents: 0, reason: "no_funds" },
        { potId: "f-zero-share", used: false, cents: 0, reason: "share_cap", maxShareBasisPoints: 0 },
        { potId: "g-zero-amount", used: false, cents: 0, reason: "amount_cap", maxCentsPerGrant: -5 },
        { potId: "h-negative-share", used: false, cents: 0, reason: "share_cap", maxShareBasisPoints: -1_000 },
        { potId: "i-ok", used: true, cents: 100_000, reason: "filled_rest" },
      ],
    });
  });

  it("accepts the first and last day of a period, and a grant with one matching factor of several", () => {
    const pots = [pot("p", { earmarks: { areaIds: ["kalsdonk"], factorIds: ["gezin", "identiteit"] } })];
    for (const activityDate of ["2025-01-01", "2025-12-31"]) {
      expect(proposeSplit(pots, grant({ activityDate, factorIds: ["ontmoeting", "identiteit"] }), []).ok).toBe(true);
    }
    expect(proposeSplit(pots, grant({ factorIds: [] }), [])).toMatchObject({ reason: "no_eligible_pot" });
  });
});

describe("proposeSplit: refusals", () => {
  it("refuses when no pot fits the initiative", () => {
    const result = proposeSplit([rijk, alwel], grant({ activityDate: "2026-01-05" }), standard);
    expect(result).toEqual({
      ok: false,
      reason: "no_eligible_pot",
      shortBy: 100_000,
      explanation: [
        { potId: "rijk-2025", used: false, cents: 0, reason: "outside_period", periodStart: "2025-01-01", periodEnd: "2025-12-31" },
        { potId: "alwel-2025", used: false, cents: 0, reason: "outside_period", periodStart: "2025-01-01", periodEnd: "2025-12-31" },
      ],
    });
    expect(proposeSplit([], grant(), [])).toEqual({ ok: false, reason: "no_eligible_pot", shortBy: 100_000, explanation: [] });
  });

  it("refuses when the pots that fit hold too little, saying by how much", () => {
    const poorRijk = { ...rijk, availableCents: 60_000 };
    const poorPartner = { ...alwel, availableCents: 15_000 };
    expect(proposeSplit([poorRijk, poorPartner], grant(), standard)).toEqual({
      ok: false,
      reason: "insufficient_total",
      shortBy: 25_000,
      explanation: [
        { potId: "rijk-2025", used: true, cents: 60_000, reason: "all_available", availableCents: 60_000 },
        { potId: "alwel-2025", used: true, cents: 15_000, reason: "all_available", availableCents: 15_000 },
      ],
    });
    expect(proposeSplit([{ ...rijk, availableCents: 0 }], grant(), standard)).toMatchObject({
      reason: "insufficient_total",
      shortBy: 100_000,
    });
  });

  it("refuses a bad amount, date or rule", () => {
    for (const cents of [0, -100, 1.5, Number.NaN]) {
      expect(proposeSplit([rijk], grant({ cents }), standard)).toEqual({ ok: false, reason: "not_positive", cents });
    }
    expect(proposeSplit([rijk], grant({ activityDate: "2025-02-29" }), standard)).toEqual({
      ok: false,
      reason: "invalid_date",
      date: "2025-02-29",
    });
    const bad = (rule: RuleLine[]) => proposeSplit([rijk], grant(), rule);
    expect(
      bad([
        { funderKind: "rijk", shareBasisPoints: 8_000 },
        { funderKind: "partner", shareBasisPoints: 2_100 },
      ]),
    ).toEqual({
      ok: false,
      reason: "invalid_rule",
      sumBasisPoints: 10_100,
    });
    expect(bad([{ funderKind: "rijk", shareBasisPoints: -100 }])).toEqual({ ok: false, reason: "invalid_rule", sumBasisPoints: -100 });
    expect(bad([{ funderKind: "rijk", shareBasisPoints: 1_250.5 }])).toEqual({ ok: false, reason: "invalid_rule", sumBasisPoints: 1_250.5 });
    expect(bad([{ funderKind: "rijk", shareBasisPoints: 10_000 }]).ok).toBe(true);
    expect(bad([{ funderKind: "rijk", shareBasisPoints: 10_001 }])).toEqual({ ok: false, reason: "invalid_rule", sumBasisPoints: 10_001 });
    expect(bad([{ funderKind: "rijk", shareBasisPoints: 0 }]).ok).toBe(true);
  });
});

describe("proposeSplit: earmarks that are not whole numbers", () => {
  it("refuses a share cap that is not whole basis points, or an amount cap that is not whole cents", () => {
    for (const earmarks of [{ maxShareBasisPoints: 0.7 }, { maxShareBasisPoints: Number.NaN }, { maxCentsPerGrant: 100.5 }]) {
      const odd = pot("b-odd", { earmarks });
      expect(proposeSplit([rijk, odd], grant(), [])).toEqual({ ok: false, reason: "invalid_earmarks", potId: "b-odd" });
    }
    // The first such pot in the stated order, whatever the input order.
    const first = pot("a-odd", { priority: 0, earmarks: { maxCentsPerGrant: 0.5 } });
    const second = pot("b-odd", { priority: 0, earmarks: { maxShareBasisPoints: 1.5 } });
    expect(proposeSplit([second, first], grant(), [])).toMatchObject({ reason: "invalid_earmarks", potId: "a-odd" });
    // Whole numbers, also negative ones (which allow nothing), are fine.
    const whole = pot("c-whole", { earmarks: { maxShareBasisPoints: -1, maxCentsPerGrant: -1 } });
    expect(proposeSplit([rijk, whole], grant(), []).ok).toBe(true);
  });
});

describe("proposeSplit: properties", () => {
  const areas = ["kalsdonk", "westrand", "langdonk"];
  const factors = ["ontmoeting", "gezin", "identiteit"];
  const dates = ["2025-01-01", "2025-06-30", "2025-12-31", "2026-03-01"];

  const earmarksArb = fc.record(
    {
      areaIds: fc.subarray(areas),
      factorIds: fc.subarray(factors),
      maxShareBasisPoints: fc.integer({ min: 0, max: 10_000 }),
      maxCentsPerGrant: fc.integer({ min: 0, max: 50_000 }),
    },
    { requiredKeys: [] },
  );
  const potsArb = fc
    .array(
      fc.record({
        funderKind: fc.constantFrom("rijk" as const, "gemeente" as const, "partner" as const),
        period: fc.constantFrom(["2025-01-01", "2025-12-31"], ["2025-07-01", "2026-06-30"], ["2026-01-01", "2026-12-31"]),
        availableCents: fc.oneof(fc.integer({ min: 0, max: 80_000 }), fc.constant(0)),
        earmarks: earmarksArb,
        priority: fc.integer({ min: 0, max: 3 }),
      }),
      { maxLength: 6 },
    )
    .map((list) =>
      list.map((p, i): SplitPot => ({
        id: `pot-${i}`,
        name: `Pot ${i}`,
        funderKind: p.funderKind,
        periodStart: p.period[0]!,
        periodEnd: p.period[1]!,
        availableCents: p.availableCents,
        earmarks: p.earmarks,
        priority: p.priority,
      })),
    );
  const grantArb = fc.record({
    cents: fc.integer({ min: 1, max: 120_000 }),
    areaId: fc.constantFrom(...areas),
    factorIds: fc.subarray(factors),
    activityDate: fc.constantFrom(...dates),
  });
  const ruleArb = fc
    .array(
      fc.record({
        target: fc.oneof(
          fc.constantFrom("rijk" as const, "gemeente" as const, "partner" as const).map((funderKind) => ({ funderKind })),
          fc.integer({ min: 0, max: 6 }).map((i) => ({ potId: `pot-${i}` })),
        ),
        shareBasisPoints: fc.integer({ min: 0, max: 6_000 }),
      }),
      { maxLength: 3 },
    )
    .map((lines) => lines.map((l): RuleLine => ({ ...l.target, shareBasisPoints: l.shareBasisPoints })))
    .filter((lines) => lines.reduce((s, l) => s + l.shareBasisPoints, 0) <= 10_000);

  const fits = (p: SplitPot, g: SplitGrant) =>
    g.activityDate >= p.periodStart &&
    g.activityDate <= p.periodEnd &&
    (p.earmarks.areaIds === undefined || p.earmarks.areaIds.includes(g.areaId)) &&
    (p.earmarks.factorIds === undefined || g.factorIds.some((f) => p.earmarks.factorIds!.includes(f)));
  const capOf = (p: SplitPot, g: SplitGrant) =>
    Math.min(
      p.availableCents,
      p.earmarks.maxCentsPerGrant ?? Infinity,
      p.earmarks.maxShareBasisPoints === undefined ? Infinity : Number((BigInt(g.cents) * BigInt(p.earmarks.maxShareBasisPoints)) / 10_000n),
    );

  it("adds up exactly, stays within money and earmarks, refuses exactly when the pots cannot cover it", () => {
    fc.assert(
      fc.property(potsArb, grantArb, ruleArb, (pots, g, rule) => {
        const result = proposeSplit(pots, g, rule);
        const fitting = pots.filter((p) => fits(p, g));
        const capacity = fitting.reduce((s, p) => s + Math.max(0, capOf(p, g)), 0);
        const ordered = [...pots].sort(byStatedOrder);
        if (result.ok) {
          expect(result.parts.reduce((s, p) => s + p.cents, 0)).toBe(g.cents);
          for (const part of result.parts) {
            const p = pots.find((x) => x.id === part.potId)!;
            expect(part.cents).toBeGreaterThan(0);
            expect(fits(p, g)).toBe(true);
            expect(part.cents).toBeLessThanOrEqual(capOf(p, g));
          }
          expect(result.parts.map((p) => p.potId)).toEqual(ordered.filter((p) => result.parts.some((x) => x.potId === p.id)).map((p) => p.id));
          expect(capacity).toBeGreaterThanOrEqual(g.cents);
        } else if (result.reason === "no_eligible_pot") {
          expect(fitting).toEqual([]);
          expect(result.shortBy).toBe(g.cents);
        } else {
          expect(result.reason).toBe("insufficient_total");
          if (result.reason !== "insufficient_total") return;
          expect(fitting.length).toBeGreaterThan(0);
          expect(result.shortBy).toBe(g.cents - capacity);
        }
        if ("explanation" in result) {
          expect(result.explanation.map((e) => e.potId)).toEqual(ordered.map((p) => p.id));
          for (const e of result.explanation) expect(e.used).toBe(e.cents > 0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("gives the same split for the same input, in any input order", () => {
    fc.assert(
      fc.property(
        potsArb.chain((pots) => fc.tuple(fc.constant(pots), fc.shuffledSubarray(pots, { minLength: pots.length }))),
        grantArb,
        ruleArb,
        ([pots, shuffled], g, rule) => {
          expect(proposeSplit(shuffled, g, rule)).toEqual(proposeSplit(pots, g, rule));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("parseSplitRule: the rule as configuration writes it", () => {
  it("reads funder kinds and pot ids with their basis points", () => {
    expect(parseSplitRule("rijk:8000,partner:2000")).toEqual([
      { funderKind: "rijk", shareBasisPoints: 8000 },
      { funderKind: "partner", shareBasisPoints: 2000 },
    ]);
    expect(parseSplitRule(" gemeente : 10 , pot-kalsdonk:0")).toEqual([
      { funderKind: "gemeente", shareBasisPoints: 10 },
      { potId: "pot-kalsdonk", shareBasisPoints: 0 },
    ]);
  });

  it("reads empty text as no rule, and exactly 100 % as allowed", () => {
    expect(parseSplitRule("  ")).toEqual([]);
    expect(parseSplitRule("rijk:10000")).toEqual([{ funderKind: "rijk", shareBasisPoints: 10000 }]);
  });

  it("refuses more than 100 %, fractions, signs, missing parts and spaces inside a key", () => {
    for (const text of ["rijk:10001", "rijk:8000,partner:2001", "rijk:80.5", "rijk:-1", "rijk", ":100", "rijk:", "rijk:1,", "ri jk:1", "rijk:1:2"]) {
      expect(parseSplitRule(text), text).toBeNull();
    }
  });
});
