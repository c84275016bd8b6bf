// The money of a decision, posted to /beheer/aanvragen/<reference> as Remix posts it, on a real
// database (SQLite or PostgreSQL): the approve form's proposed split with a reason per pot, an
// approval that commits over the pots, one that would overdraw refused beside the amount with
// nothing written, and a cancellation that gives the money back.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { routeDb, get, run, signedInCookie } from "../support/route-env";
import { createTestUser, count } from "../support/test-db";
import { applicationInput, submitContext } from "../support/applications";
import { SYSTEM, potWith } from "../support/funding";
import type { ApplicationInput } from "~/forms/application-schema";
import { submitApplication } from "~/models/applications.server";
import { potBalances } from "~/models/ledger.server";
import { allocateToPot, createFunder } from "~/models/pots.server";
import type { DB } from "~/services/db.server";
import * as page from "~/routes/beheer.aanvragen.$reference";

vi.mock("~/services/mail.server", async (original) => ({ ...(await original<typeof import("~/services/mail.server")>()), kickMailWorker: () => undefined }));

let db: DB;
let cleanup: () => Promise<void>;
let cookie: string;
let admin: string;
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  ({ db, cleanup } = await routeDb({ funding: false }));
  const at = new Date();
  cookie = await signedInCookie(await createTestUser(db, { email: "mirjam@example.org", name: "Mirjam", roles: ["reviewer"], at: at.toISOString() }));
  admin = await signedInCookie(
    await createTestUser(db, { email: "petra@example.org", name: "Petra", roles: ["fund_admin", "reviewer"], at: at.toISOString() }),
  );
  const rijk = await createFunder(db, { id: "rijk", name: "Rijk", kind: "rijk" }, SYSTEM, at);
  const partner = await createFunder(db, { id: "partner", name: "Partner", kind: "partner", invented: true }, SYSTEM, at);
  const period = { periodStart: `${year - 1}-01-01`, periodEnd: `${year + 1}-12-31` };
  await potWith(db, { id: "spuk", funderId: rijk, name: "SPUK test", ...period, cents: 100_000 });
  await potWith(db, { id: "buurt", funderId: partner, name: "Buurtbudget", ...period, earmarks: { areaIds: ["kalsdonk"] }, cents: 50_000 });
});
afterAll(() => cleanup());

async function inReview(overrides: Partial<ApplicationInput>): Promise<string> {
  const { reference } = await submitApplication(db, applicationInput({ costLines: [], title: `Idee ${Math.random()}`, ...overrides }), submitContext());
  expect((await post(reference, { intent: "take" })).status).toBe(303);
  return reference;
}

function post(reference: string, fields: Record<string, string>, as = cookie) {
  const request = new Request(`http://localhost:3000/beheer/aanvragen/${reference}`, {
    method: "POST",
    headers: { Cookie: as, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return run(() => page.action({ request, params: { reference }, context: {} }));
}
const open = (reference: string) => run(() => page.loader({ request: get(`/beheer/aanvragen/${reference}`, cookie), params: { reference }, context: {} }));
const row = (reference: string) => db.selectFrom("applications").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();
const entriesOf = async (reference: string) => {
  const { id } = await row(reference);
  const rows = await db.selectFrom("ledger_entries").select(["pot_id", "kind", "cents"]).where("application_id", "=", id).orderBy("id").execute();
  return rows.map((r) => [r.pot_id, r.kind, Number(r.cents)]);
};
const available = async () => Object.fromEntries([...(await potBalances(db))].map(([id, b]) => [id, b.available]));

describe("the money of an approval", () => {
  it("shows the proposed split per pot with its reason on the approve form", async () => {
    const reference = await inReview({ areaId: "kroeven", amount: 40_000, requestedCents: 40_000 });
    const { data } = await open(reference);
    expect((data as { split: unknown }).split).toEqual({
      cents: 40_000,
      shortCents: null,
      noPot: false,
      lines: [
        { potName: "SPUK test", cents: 40_000, used: true, reason: "filled_rest" },
        { potName: "Buurtbudget", cents: 0, used: false, reason: "only_for_areas", names: ["Kalsdonk"] },
      ],
    });
    const kalsdonk = await inReview({ areaId: "kalsdonk", amount: 10_000, requestedCents: 10_000 });
    expect(((await open(kalsdonk)).data as { split: { lines: unknown[] } }).split.lines).toEqual([
      { potName: "Buurtbudget", cents: 2_000, used: true, reason: "default_share", shareBasisPoints: 2000 },
      { potName: "SPUK test", cents: 8_000, used: true, reason: "default_share", shareBasisPoints: 8000 },
    ]);
  });

  it("commits the approved amount over the pots with the approval, and a cancellation gives it back", async () => {
    const before = await available();
    const reference = await inReview({ areaId: "kalsdonk", amount: 20_000, requestedCents: 20_000 });
    expect((await post(reference, { intent: "approve", amount: "200" })).status).toBe(303);
    expect(await entriesOf(reference)).toEqual([
      ["buurt", "commitment", 4_000],
      ["spuk", "commitment", 16_000],
    ]);
    expect(await available()).toEqual({ buurt: before.buurt! - 4_000, spuk: before.spuk! - 16_000 });
    const { id } = await row(reference);
    const trail = await db.selectFrom("audit_log").select("action").where("entity_id", "=", id).orderBy("id").execute();
    expect(trail.map((a) => a.action).slice(-2)).toEqual(["ledger.committed", "application.approved"]);

    expect((await post(reference, { intent: "cancel", reason: "Het feest gaat niet door." }, admin)).status).toBe(303);
    expect((await entriesOf(reference)).slice(2)).toEqual([
      ["buurt", "release", 4_000],
      ["spuk", "release", 16_000],
    ]);
    expect(await available()).toEqual(before);
  });

  it("refuses an approval the pots cannot pay, beside the amount, and writes nothing", async () => {
    const big = await inReview({ areaId: "kroeven", amount: 200_000, requestedCents: 200_000 });
    const { id } = await row(big);
    const snapshot = async () => ({
      application: await row(big),
      audits: await count(db, "audit_log"),
      mails: await count(db, "outbox"),
      entries: await db.selectFrom("ledger_entries").select("id").execute(),
      decisions: await db.selectFrom("application_decisions").selectAll().where("application_id", "=", id).execute(),
    });
    const before = await snapshot();
    const refused = await post(big, { intent: "approve", amount: "1.500" });
    expect(refused.status).toBe(409);
    const errors = (refused.data as { result: { error: Record<string, string[]> } }).result.error;
    expect(errors.amount).toEqual([
      "Er is niet genoeg geld om € 1.500,00 toe te kennen. Nog beschikbaar: SPUK test € 1.000,00. Kies een lager bedrag of vraag de fondsbeheerder om meer geld in een pot.",
    ]);
    expect(await snapshot()).toEqual(before);
    // A lower amount that fits goes through.
    expect((await post(big, { intent: "approve", amount: "1.000" })).status).toBe(303);
    expect(await available()).toMatchObject({ spuk: 0 });
  });

  it("books nothing while a second reviewer must look, and commits on the confirmation", async () => {
    const reference = await inReview({ areaId: "kroeven", amount: 260_000, requestedCents: 260_000 });
    // Top up the Rijk pot so the 2.600 euro fits (the pots above are nearly spent).
    const topUp = await allocateToPot(db, { operationId: "top-up", potId: "spuk", cents: 300_000, date: `${year}-01-01` }, SYSTEM, new Date());
    expect(topUp.ok).toBe(true);
    expect((await post(reference, { intent: "approve", amount: "2.600" })).status).toBe(303);
    expect((await row(reference)).status).toBe("awaiting_second_review");
    expect(await entriesOf(reference)).toEqual([]);
    // The second reviewer sees where the approved amount's money would come from.
    const seen = await run(() => page.loader({ request: get(`/beheer/aanvragen/${reference}`, admin), params: { reference }, context: {} }));
    expect((seen.data as { split: { cents: number; lines: { potName: string; cents: number }[] } }).split).toMatchObject({
      cents: 260_000,
      lines: [
        { potName: "SPUK test", cents: 260_000 },
        { potName: "Buurtbudget", cents: 0 },
      ],
    });
    expect((await post(reference, { intent: "confirm" }, admin)).status).toBe(303);
    expect(await entriesOf(reference)).toEqual([["spuk", "commitment", 260_000]]);
  });
});
