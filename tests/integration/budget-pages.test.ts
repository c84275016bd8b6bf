// The budget pages (/beheer/geld and /beheer/geld/potten/<id>) on a real database (SQLite or
// PostgreSQL): the dashboard's numbers move when an approval goes through the bureau's real
// write path; a fund administrator creates a pot, extends its end and registers a contribution in
// kind, each audited; refusals keep everything as it was; who may look and who may post is
// written out by hand; the loader data holds no resident's name or address.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { routeDb, get, run, signedInCookie, identifiersIn } from "../support/route-env";
import { createTestUser } from "../support/test-db";
import { applicationInput, submitContext } from "../support/applications";
import { SYSTEM, potWith } from "../support/funding";
import { submitApplication } from "~/models/applications.server";
import { allocateToPot, createFunder } from "~/models/pots.server";
import type { DB } from "~/services/db.server";
import * as dashboard from "~/routes/beheer.geld._index";
import * as potRoute from "~/routes/beheer.geld.potten.$id";
import * as review from "~/routes/beheer.aanvragen.$reference";

vi.mock("~/services/mail.server", async (original) => ({ ...(await original<typeof import("~/services/mail.server")>()), kickMailWorker: () => undefined }));

let db: DB;
let cleanup: () => Promise<void>;
const cookies: Record<string, string> = {};
const userIds: Record<string, string> = {};
const year = new Date().getUTCFullYear();

const PEOPLE = {
  mirjam: { email: "mirjam@example.org", roles: ["reviewer"] },
  petra: { email: "petra@example.org", roles: ["fund_admin", "reviewer"] },
  sanne: { email: "sanne@example.org", roles: ["resident"] },
  youssef: { email: "youssef@example.org", roles: ["supporter"] },
  ruud: { email: "ruud@example.org", roles: ["partner"] },
} as const;

beforeAll(async () => {
  ({ db, cleanup } = await routeDb({ funding: false }));
  const at = new Date();
  for (const [key, p] of Object.entries(PEOPLE)) {
    const id = await createTestUser(db, {
      email: p.email,
      name: `Naam ${key}`,
      roles: [...p.roles],
      at: at.toISOString(),
      organisationId: key === "ruud" ? "org" : null,
    });
    cookies[key] = await signedInCookie(id);
    userIds[key] = id;
  }
  const rijk = await createFunder(db, { id: "rijk", name: "Rijk", kind: "rijk" }, SYSTEM, at);
  await createFunder(db, { id: "partner", name: "Partner", kind: "partner" }, SYSTEM, at);
  await potWith(db, { id: "spuk", funderId: rijk, name: "SPUK test", periodStart: `${year}-01-01`, periodEnd: `${year + 1}-12-31`, cents: 1_000_000 });
});
afterAll(() => cleanup());

type Balance = { budget: number; committed: number; paid: number; available: number };
type Dashboard = {
  fund: { balance: Balance; forecast: { sentence: { key: string } } | null };
  pots: { id: string; balance: Balance; forecast: unknown }[];
  manage: boolean;
};

const openDashboard = (cookie?: string) => run(() => dashboard.loader({ request: get("/beheer/geld", cookie), params: {}, context: {} }));
const openPot = (id: string, cookie?: string, query = "") =>
  run(() => potRoute.loader({ request: get(`/beheer/geld/potten/${id}${query}`, cookie), params: { id }, context: {} }));

function form(path: string, cookie: string | null, fields: Record<string, string | string[]>): Request {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
  return new Request(`http://localhost:3000${path}`, {
    method: "POST",
    headers: { ...(cookie ? { Cookie: cookie } : {}), "Content-Type": "application/x-www-form-urlencoded" },
    body: body.toString(),
  });
}
const postDashboard = (cookie: string | null, fields: Record<string, string | string[]>) =>
  run(() => dashboard.action({ request: form("/beheer/geld", cookie, fields), params: {}, context: {} }));
const postPot = (id: string, cookie: string | null, fields: Record<string, string>) =>
  run(() => potRoute.action({ request: form(`/beheer/geld/potten/${id}`, cookie, fields), params: { id }, context: {} }));
const postReview = (reference: string, fields: Record<string, string>) =>
  run(() => review.action({ request: form(`/beheer/aanvragen/${reference}`, cookies.mirjam!, fields), params: { reference }, context: {} }));
const errorsOf = (result: { data: unknown }) => (result.data as { result: { error: Record<string, string[]> } }).result.error;

const count = async (_db: DB, table: "ledger_entries" | "in_kind_contributions" | "pot_end_changes" | "audit_log") =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function snapshot() {
  return {
    pots: await db.selectFrom("pots").selectAll().orderBy("id").execute(),
    entries: await count(db, "ledger_entries"),
    inKind: await count(db, "in_kind_contributions"),
    endChanges: await count(db, "pot_end_changes"),
    audits: await count(db, "audit_log"),
  };
}

const newPot = (potId: string, overrides: Record<string, string | string[]> = {}) => ({
  intent: "create_pot",
  potId,
  funderId: "partner",
  name: "Buurtpot Kalsdonk",
  periodStart: `01-01-${year}`,
  periodEnd: `${year}-12-31`,
  budget: "5.000",
  areaIds: ["kalsdonk"],
  maxPerGrant: "750",
  ...overrides,
});

describe("the budget dashboard", () => {
  it("shows budget, committed, paid and available per pot and for the fund, and an approval moves them", async () => {
    const before = (await openDashboard(cookies.mirjam)).data as Dashboard;
    const spuk = () => before.pots.find((p) => p.id === "spuk")!;
    expect(spuk().balance).toMatchObject({ budget: 1_000_000, committed: 0, paid: 0, available: 1_000_000 });
    expect(before.fund.forecast).not.toBeNull();
    expect(before.manage).toBe(false);

    const { reference } = await submitApplication(
      db,
      applicationInput({
        costLines: [],
        title: "Buurtfeest",
        areaId: "kroeven",
        amount: 30_000,
        requestedCents: 30_000,
        email: "bewoner@example.org",
        name: "Bea Bewoner",
      }),
      submitContext(),
    );
    // Open, it feeds the forecast's pipeline: the one pot would be asked for all of it.
    const waiting = (await openDashboard(cookies.mirjam)).data as { pots: { id: string; forecast: { pipeline: { requestedCents: number } } }[] };
    expect(waiting.pots.find((p) => p.id === "spuk")!.forecast.pipeline.requestedCents).toBe(30_000);
    expect((await postReview(reference, { intent: "take" })).status).toBe(303);
    expect((await postReview(reference, { intent: "approve", amount: "250" })).status).toBe(303);

    const after = (await openDashboard(cookies.mirjam)).data as Dashboard;
    expect(after.pots.find((p) => p.id === "spuk")!.balance).toMatchObject({ budget: 1_000_000, committed: 25_000, paid: 0, available: 975_000 });
    expect(after.fund.balance).toMatchObject({ committed: before.fund.balance.committed + 25_000, available: before.fund.balance.available - 25_000 });

    // The pot's ledger names the application by reference, and nobody by the resident's name.
    const pot = await openPot("spuk", cookies.mirjam);
    const entries = (pot.data as { entries: { kind: string; cents: number; reference: string | null }[] }).entries;
    expect(entries[0]).toMatchObject({ kind: "commitment", cents: 25_000, reference });
    const raw = JSON.stringify([after, pot.data]);
    expect(raw).not.toContain("Bea Bewoner");
    expect(raw).not.toContain("bewoner@example.org");
    expect(identifiersIn(after).emails).toEqual([]);
    const decided = after as unknown as { pots: { id: string; forecast: { pipeline: { requestedCents: number } } }[] };
    expect(decided.pots.find((p) => p.id === "spuk")!.forecast.pipeline.requestedCents).toBe(0);
  });

  it("pages a pot's ledger newest first, 25 a page, and a page past the end shows the last", async () => {
    const at = new Date();
    const pot = await potWith(db, {
      id: "veel",
      funderId: "rijk",
      name: "Veel boekingen",
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      cents: 100,
    });
    for (let i = 1; i <= 29; i++) {
      await allocateToPot(db, { operationId: `extra-${i}`, potId: pot, cents: 100 + i, date: `${year}-01-02`, reason: `Aanvulling ${i}` }, SYSTEM, at);
    }
    const first = (await openPot(pot, cookies.mirjam)).data as { entries: { cents: number }[]; page: number; pages: number };
    expect(first).toMatchObject({ page: 1, pages: 2 });
    expect(first.entries).toHaveLength(25);
    expect(first.entries[0]!.cents).toBe(129);
    const last = (await openPot(pot, cookies.mirjam, "?page=2")).data as { entries: { cents: number }[] };
    expect(last.entries.map((e) => e.cents)).toEqual([104, 103, 102, 101, 100]);
    const past = (await openPot(pot, cookies.mirjam, "?page=9")).data as { page: number; entries: unknown[] };
    expect(past.page).toBe(2);
    expect(past.entries).toHaveLength(5);

    // A line booked by a resident's own step names "the applicant", not their address; staff by address.
    await allocateToPot(
      db,
      { operationId: "by-resident", potId: pot, cents: 1, date: `${year}-01-03` },
      { userId: userIds.sanne!, label: "sanne@example.org" },
      at,
    );
    await allocateToPot(
      db,
      { operationId: "by-staff", potId: pot, cents: 2, date: `${year}-01-03` },
      { userId: userIds.petra!, label: "petra@example.org" },
      at,
    );
    const newest = (await openPot(pot, cookies.mirjam)).data as { entries: { cents: number; actorLabel: string | null }[] };
    expect(newest.entries.slice(0, 2)).toMatchObject([
      { cents: 2, actorLabel: "petra@example.org" },
      { cents: 1, actorLabel: null },
    ]);
    expect(JSON.stringify(newest)).not.toContain("sanne@example.org");
  });

  it("lets reviewers and fund administrators look; resident, supporter, partner and anonymous get 403", async () => {
    expect((await openDashboard(cookies.mirjam)).status).toBe(200);
    expect((await openDashboard(cookies.petra)).status).toBe(200);
    expect((await openPot("spuk", cookies.mirjam)).status).toBe(200);
    for (const who of ["sanne", "youssef", "ruud"] as const) {
      expect((await openDashboard(cookies[who])).status, who).toBe(403);
      expect((await openPot("spuk", cookies[who])).status, who).toBe(403);
    }
    expect((await openDashboard()).status).not.toBe(200);
    expect((await openPot("nope", cookies.mirjam)).status).toBe(404);
  });
});

describe("the fund administrator's budget forms", () => {
  it("creates a pot with its budget and earmarks, audited, and a second click makes no second pot", async () => {
    const potId = "11111111-1111-4111-8111-111111111111";
    const created = await postDashboard(cookies.petra!, newPot(potId));
    expect(created.status).toBe(303);
    expect(created.headers.get("Location")).toBe(`/beheer/geld/potten/${potId}`);
    const row = await db.selectFrom("pots").selectAll().where("id", "=", potId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ funder_id: "partner", name: "Buurtpot Kalsdonk", period_start: `${year}-01-01`, period_end: `${year}-12-31` });
    expect(JSON.parse(row.earmarks_json)).toEqual({ areaIds: ["kalsdonk"], maxCentsPerGrant: 75_000 });
    const audit = await db.selectFrom("audit_log").select(["action", "actor_label"]).where("entity_id", "=", potId).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toContain("pot.created");
    expect(audit.every((a) => a.actor_label === "petra@example.org")).toBe(true);

    const before = await snapshot();
    expect((await postDashboard(cookies.petra!, newPot(potId))).status).toBe(303);
    expect(await snapshot()).toEqual(before);

    const page = (await openPot(potId, cookies.petra)).data as {
      pot: { balance: Balance; earmarks: { areas: string[]; maxCentsPerGrant: number } };
      manage: boolean;
    };
    expect(page.pot.balance).toMatchObject({ budget: 500_000, available: 500_000 });
    expect(page.pot.earmarks).toMatchObject({ areas: ["Kalsdonk"], maxCentsPerGrant: 75_000 });
    expect(page.manage).toBe(true);
  });

  it("refuses bad input with Dutch words beside the fields and writes nothing", async () => {
    const before = await snapshot();
    const bad = await postDashboard(cookies.petra!, newPot("22222222-2222-4222-8222-222222222222", { name: "", budget: "twaalf", funderId: "" }));
    expect(bad.status).toBe(400);
    const errors = errorsOf(bad);
    expect(errors.name).toEqual(["Vul een naam in."]);
    expect(errors.funderId).toEqual(["Kies een geldgever uit de lijst."]);
    expect(errors.budget).toEqual(["Dit is geen bedrag. Schrijf het zo: 1.250,50"]);
    const backwards = await postDashboard(cookies.petra!, newPot("22222222-2222-4222-8222-222222222222", { periodEnd: `01-01-${year - 1}` }));
    expect(backwards.status).toBe(400);
    expect(errorsOf(backwards)).toEqual({ periodEnd: ["De laatste dag ligt vóór de eerste dag. Kies een latere datum."] });
    const noAmount = await postDashboard(cookies.petra!, newPot("22222222-2222-4222-8222-222222222222", { budget: "" }));
    expect(errorsOf(noAmount)).toEqual({ budget: ["Vul een bedrag in."] });
    const noDate = await postDashboard(cookies.petra!, newPot("22222222-2222-4222-8222-222222222222", { periodStart: "31-02-2027" }));
    expect(errorsOf(noDate)).toEqual({ periodStart: ["Deze datum bestaat niet. Schrijf hem zo: 31-12-2027."] });
    const unknownFunder = await postDashboard(cookies.petra!, newPot("33333333-3333-4333-8333-333333333333", { funderId: "bestaat-niet" }));
    expect(unknownFunder.status).toBe(400);
    expect(errorsOf(unknownFunder).funderId).toEqual(["Kies een geldgever uit de lijst."]);
    expect(await snapshot()).toEqual(before);
  });

  it("extends a pot's end with its reason, audited; an earlier end or no reason is refused", async () => {
    const notLater = await postPot("spuk", cookies.petra!, { intent: "extend_end", newEnd: `${year}-06-30`, reason: "Uitstel" });
    expect(notLater.status).toBe(409);
    expect(errorsOf(notLater).newEnd?.[0]).toContain("Kies een dag na de huidige laatste dag");
    const noReason = await postPot("spuk", cookies.petra!, { intent: "extend_end", newEnd: `${year + 2}-06-30`, reason: "  " });
    expect(noReason.status).toBe(400);
    expect(errorsOf(noReason).reason).toBeDefined();

    const done = await postPot("spuk", cookies.petra!, {
      intent: "extend_end",
      newEnd: `30-06-${year + 2}`,
      reason: "Uitstelverzoek goedgekeurd door het Rijk",
    });
    expect(done.status).toBe(303);
    const pot = await db.selectFrom("pots").select("period_end").where("id", "=", "spuk").executeTakeFirstOrThrow();
    expect(pot.period_end).toBe(`${year + 2}-06-30`);
    const change = await db.selectFrom("pot_end_changes").selectAll().where("pot_id", "=", "spuk").executeTakeFirstOrThrow();
    expect(change).toMatchObject({
      old_end: `${year + 1}-12-31`,
      new_end: `${year + 2}-06-30`,
      reason: "Uitstelverzoek goedgekeurd door het Rijk",
      actor_label: "petra@example.org",
    });
    const audit = await db.selectFrom("audit_log").select("action").where("entity_id", "=", "spuk").where("action", "=", "pot.end_extended").execute();
    expect(audit).toHaveLength(1);
    const page = (await openPot("spuk", cookies.mirjam)).data as { endChanges: { reason: string }[] };
    expect(page.endChanges.map((c) => c.reason)).toEqual(["Uitstelverzoek goedgekeurd door het Rijk"]);
  });

  it("registers a contribution in kind, shown beside the money and never in a pot", async () => {
    const entries = await count(db, "ledger_entries");
    const done = await postDashboard(cookies.petra!, {
      intent: "register_in_kind",
      funderId: "partner",
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      description: "Uren in de werkgroep",
      value: "1.200",
    });
    expect(done.status).toBe(303);
    const row = await db.selectFrom("in_kind_contributions").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ funder_id: "partner", description: "Uren in de werkgroep" });
    expect(Number(row.value_cents)).toBe(120_000);
    expect(await count(db, "ledger_entries")).toBe(entries);
    expect((await db.selectFrom("audit_log").select("action").where("action", "=", "in_kind.registered").execute()).length).toBe(1);
    const data = (await openDashboard(cookies.mirjam)).data as { inKind: { description: string; valueCents: number }[] };
    expect(data.inKind).toEqual([expect.objectContaining({ description: "Uren in de werkgroep", valueCents: 120_000 })]);
  });

  it("refuses every budget intent to reviewer, resident, supporter, partner and anonymous, and nothing changes", async () => {
    const INTENTS: Record<string, Record<string, string | string[]>> = {
      create_pot: newPot("44444444-4444-4444-8444-444444444444"),
      register_in_kind: {
        intent: "register_in_kind",
        funderId: "partner",
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        description: "Zaal",
        value: "100",
      },
    };
    const EXPECTED: [who: string, status: number][] = [
      ["mirjam", 403],
      ["sanne", 403],
      ["youssef", 403],
      ["ruud", 403],
      ["anonymous", 403],
    ];
    const before = await snapshot();
    for (const [who, status] of EXPECTED) {
      const cookie = who === "anonymous" ? null : cookies[who]!;
      for (const fields of Object.values(INTENTS)) expect((await postDashboard(cookie, fields)).status, `${who} ${fields.intent}`).toBe(status);
      expect((await postPot("spuk", cookie, { intent: "extend_end", newEnd: `${year + 5}-12-31`, reason: "Nee" })).status, `${who} extend_end`).toBe(status);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("an unknown intent is 400 and writes nothing", async () => {
    const before = await snapshot();
    expect((await postDashboard(cookies.petra!, { intent: "spend_it_all" })).status).toBe(400);
    expect((await postPot("spuk", cookies.petra!, { intent: "shorten" })).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });
});
