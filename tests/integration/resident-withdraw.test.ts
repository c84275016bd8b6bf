// The resident's side of issue 15, through the routes as Remix calls them, on a real database
// (SQLite or PostgreSQL): the form's two optional questions stored and shown; withdrawing from
// "Mijn aanvragen" (allowed before a decision, refused after with Dutch words, 404 for someone
// else, refused for anonymous and partner, the mail in the outbox); the history both pages show,
// without anything of the bureau's own work in the pages' data.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { routeDb, get, run, signedInCookie, formErrors } from "../support/route-env";
import { createTestUser, count, TEST_SETTINGS } from "../support/test-db";
import { applicationInput, submitContext } from "../support/applications";
import { validFields } from "../support/form-data";
import type { ApplicationInput } from "~/forms/application-schema";
import { submitApplication } from "~/models/applications.server";
import { applyLifecycleAction } from "~/models/lifecycle.server";
import { applyOwnerStep } from "~/models/ownership.server";
import { declareConflict, saveReview } from "~/models/review.server";
import { getUserById, type User } from "~/models/users.server";
import { residentHistoryByReference } from "~/models/resident-history.server";
import { openApplicationForStaff } from "~/models/application-views.server";
import type { DB } from "~/services/db.server";
import { writeAudit } from "~/models/audit.server";
import * as mine from "~/routes/mijn-aanvragen.$reference";
import * as statusPage from "~/routes/status.$token";
import * as formRoute from "~/routes/aanvragen.nieuw";

// The mails stay in the outbox to be read here: delivery would empty their text (decision 031).
vi.mock("~/services/mail.server", async (original) => ({ ...(await original<typeof import("~/services/mail.server")>()), kickMailWorker: () => undefined }));

let db: DB;
let cleanup: () => Promise<void>;
const users: Record<string, User> = {};
const cookies: Record<string, string> = {};

const PEOPLE = {
  sanne: { email: "sanne@example.org", name: "Sanne Test", roles: ["resident"] },
  other: { email: "ander@example.org", name: "Ander", roles: ["resident"] },
  ruud: { email: "ruud@example.org", name: "Ruud", roles: ["partner"] },
  mirjam: { email: "mirjam@example.org", name: "Mirjam Kool", roles: ["reviewer"] },
  daan: { email: "daan@example.org", name: "Daan Hendriks", roles: ["reviewer"] },
} as const;

beforeAll(async () => {
  ({ db, cleanup } = await routeDb());
  const at = new Date().toISOString();
  for (const [key, p] of Object.entries(PEOPLE)) {
    const id = await createTestUser(db, { email: p.email, name: p.name, roles: [...p.roles], at, organisationId: key === "ruud" ? "org" : null });
    users[key] = (await getUserById(db, id))!;
    cookies[key] = await signedInCookie(id);
  }
});
afterAll(() => cleanup());

/** Sent without an account, so applicant_user_id stays null (the address is Sanne's). */
async function apply(overrides: Partial<ApplicationInput> = {}): Promise<{ reference: string; token: string }> {
  const { reference } = await submitApplication(db, applicationInput({ costLines: [], title: `Idee ${Math.random()}`, ...overrides }), submitContext());
  const mail = await db.selectFrom("outbox").select("text_body").where("subject", "like", `%${reference}%`).executeTakeFirstOrThrow();
  return { reference, token: /\/status\/([\w-]+)/.exec(mail.text_body)![1]! };
}

const row = (reference: string) => db.selectFrom("applications").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();
const settings = { settings: TEST_SETTINGS };

function post(path: string, cookie: string | null, fields: Record<string, string>) {
  return new Request(`http://localhost:3000${path}`, {
    method: "POST",
    headers: { ...(cookie ? { Cookie: cookie } : {}), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

const withdraw = (reference: string, cookie: string | null, fields: Record<string, string> = { intent: "withdraw", confirm: "yes" }) =>
  run(() => mine.action({ request: post(`/mijn-aanvragen/${reference}`, cookie, fields), params: { reference }, context: {} }));
const openMine = (reference: string, cookie: string) =>
  run(() => mine.loader({ request: get(`/mijn-aanvragen/${reference}`, cookie), params: { reference }, context: {} }));
const openStatus = (token: string) => run(() => statusPage.loader({ request: get(`/status/${token}`), params: { token }, context: {} }));

async function snapshot(reference: string) {
  return { application: await row(reference), audits: await count(db, "audit_log"), mails: await count(db, "outbox") };
}

async function take(reference: string, reviewer: User = users.mirjam!) {
  const { id } = await row(reference);
  expect(await applyLifecycleAction(db, id, { type: "take" }, reviewer, settings, new Date())).toMatchObject({ ok: true });
  return id;
}

describe("the form's two optional questions", () => {
  it("are stored from the form post, kept in the submission's audit row, and shown to resident and bureau", async () => {
    const fields = validFields({
      intent: "submit",
      areaId: "kroeven",
      factorIds: ["ontmoeting"],
      email: "sanne@example.org",
      title: `Vragen ${Math.random()}`,
      activityDate: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10),
      helpWanted: ["permit", "space"],
      foundVia: "other",
      foundViaOther: "De wijkkrant",
    });
    const request = new Request("http://localhost:3000/aanvragen/nieuw", { method: "POST", body: fields });
    const result = await run(() => formRoute.action({ request, params: {}, context: { clientIp: "10.0.0.1" } }));
    expect(result.status).toBe(302);
    const stored = await db
      .selectFrom("applications")
      .selectAll()
      .where("title", "=", String(fields.get("title")))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.help_wanted_json!)).toEqual(["space", "permit"]);
    expect([stored.found_via, stored.found_via_other]).toEqual(["other", "De wijkkrant"]);
    const audit = await db.selectFrom("audit_log").selectAll().where("entity_id", "=", stored.id).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toEqual({
      status: "submitted",
      reference: stored.reference,
      helpWanted: ["space", "permit"],
      foundVia: "other",
      foundViaOther: "De wijkkrant",
    });

    const page = await openMine(stored.reference, cookies.sanne!);
    expect(page.data).toMatchObject({ application: { helpWanted: ["space", "permit"], foundVia: "other", foundViaOther: "De wijkkrant" } });
    const staff = await openApplicationForStaff(db, stored.reference, "nl", { user: users.mirjam!, now: new Date() });
    expect(staff?.application).toMatchObject({ helpWanted: ["space", "permit"], foundVia: "other" });
  });

  it("without answers stores nulls and an audit row as before", async () => {
    const { reference } = await apply();
    const stored = await row(reference);
    expect([stored.help_wanted_json, stored.found_via, stored.found_via_other]).toEqual([null, null, null]);
    const audit = await db.selectFrom("audit_log").selectAll().where("entity_id", "=", stored.id).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toEqual({ status: "submitted", reference });
  });

  it("a hostile choice comes back beside its field, nothing stored, never a 5xx", async () => {
    const before = await count(db, "applications");
    const fields = validFields({ intent: "submit", helpWanted: ["space", "<script>"], foundVia: "tv", foundViaOther: "x".repeat(5000) });
    const request = new Request("http://localhost:3000/aanvragen/nieuw", { method: "POST", body: fields });
    const result = await run(() => formRoute.action({ request, params: {}, context: { clientIp: "10.0.0.2" } }));
    expect(result.status).toBe(400);
    const errors = formErrors(result);
    expect(errors.helpWanted).toEqual(["Kies hulp uit de lijst."]);
    expect(errors.foundVia).toEqual(["Kies een antwoord uit de lijst."]);
    expect(errors.foundViaOther).toEqual(["Uw antwoord mag hoogstens 100 tekens hebben."]);
    expect(await count(db, "applications")).toBe(before);
  });

  it("are kept in a draft and come back in the form", async () => {
    const fields = validFields({ intent: "draft", email: "concept@example.org", helpWanted: "professional", foundVia: "advice_bus" });
    const saved = await run(() =>
      formRoute.action({
        request: new Request("http://localhost:3000/aanvragen/nieuw", { method: "POST", body: fields }),
        params: {},
        context: { clientIp: "10.0.0.3" },
      }),
    );
    expect(saved.status).toBe(302);
    const mail = await db.selectFrom("outbox").select("text_body").where("to_address", "=", "concept@example.org").executeTakeFirstOrThrow();
    const token = /concept=([\w-]+)/.exec(mail.text_body)![1]!;
    const form = await run(() => formRoute.loader({ request: get(`/aanvragen/nieuw?concept=${token}`), params: {}, context: {} }));
    expect(form.data).toMatchObject({ draftState: "loaded", defaultValue: { helpWanted: ["professional"], foundVia: "advice_bus" } });
  });
});

describe("withdrawing from my page", () => {
  it("before a decision: withdrawn, linked to the resident's account (audited), the mail in the outbox, the page says so", async () => {
    // Applied without an account; signed in later with the same address (which proves it).
    const { reference, token } = await apply({ email: "Later.Aangemeld@example.org" });
    await take(reference);
    const laterId = await createTestUser(db, { email: "later.aangemeld@example.org", name: "Later", roles: ["resident"], at: new Date().toISOString() });
    const later = await signedInCookie(laterId);
    expect((await row(reference)).applicant_user_id).toBeNull();

    const result = await withdraw(reference, later, { intent: "withdraw", confirm: "yes", reason: " We verhuizen " });
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe(`/mijn-aanvragen/${reference}`);
    const after = await row(reference);
    expect(after).toMatchObject({ status: "withdrawn", applicant_user_id: laterId });
    expect(after.closed_at).not.toBeNull();
    const audits = await db.selectFrom("audit_log").selectAll().where("entity_id", "=", after.id).orderBy("id").execute();
    expect(audits.map((a) => [a.action, a.actor_label])).toEqual([
      ["application.submitted", "anonymous"],
      ["application.taken", "mirjam@example.org"],
      ["application.applicant_linked", "later.aangemeld@example.org"],
      ["application.withdrawn", "later.aangemeld@example.org"],
    ]);
    expect(JSON.parse(audits[3]!.after_json!)).toEqual({ status: "withdrawn", reference, reason: "We verhuizen" });
    const mails = await db.selectFrom("outbox").selectAll().where("template", "=", "withdrawn").where("subject", "like", `%${reference}%`).execute();
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual([["later.aangemeld@example.org", `Uw aanvraag ${reference} is ingetrokken`]]);
    expect(mails[0]!.text_body).toContain("is ingetrokken. Wij doen er niets meer mee.");

    const page = await openMine(reference, later);
    expect(page.data).toMatchObject({ application: { status: "withdrawn" }, mayWithdraw: false });
    expect((page.data as { history: { step: string }[] }).history.map((h) => h.step)).toEqual(["received", "in_review", "withdrawn"]);
    const status = await openStatus(token);
    expect(status.data).toMatchObject({ application: { status: "withdrawn" } });
    expect((status.data as { history: { step: string }[] }).history.map((h) => h.step)).toEqual(["received", "in_review", "withdrawn"]);
    // Once withdrawn, a second post is refused in words, and changes nothing.
    const before = await snapshot(reference);
    const again = await withdraw(reference, later);
    expect(again.status).toBe(409);
    expect(formErrors(again)[""]).toEqual(["Over uw aanvraag is al besloten. U kunt hem niet meer intrekken."]);
    expect(await snapshot(reference)).toEqual(before);
  });

  it("after a decision: refused with Dutch words, nothing changes, not even the link to the account", async () => {
    const { reference } = await apply({ email: "na.besluit@example.org" });
    const id = await take(reference);
    expect(await applyLifecycleAction(db, id, { type: "approve", grantedCents: 50_000 }, users.mirjam!, settings, new Date())).toMatchObject({ ok: true });
    const cookie = await signedInCookie(
      await createTestUser(db, { email: "na.besluit@example.org", name: "Na", roles: ["resident"], at: new Date().toISOString() }),
    );
    const before = await snapshot(reference);
    expect(before.application.applicant_user_id).toBeNull();
    expect((await openMine(reference, cookie)).data).toMatchObject({ mayWithdraw: false });
    const result = await withdraw(reference, cookie);
    expect(result.status).toBe(409);
    expect(formErrors(result)[""]).toEqual(["Over uw aanvraag is al besloten. U kunt hem niet meer intrekken."]);
    expect(await snapshot(reference)).toEqual(before);
  });

  it("without the tick: the resident is asked to tick it, the reason kept, nothing changes", async () => {
    const { reference } = await apply();
    const before = await snapshot(reference);
    const result = await withdraw(reference, cookies.sanne!, { intent: "withdraw", reason: "Toch niet" });
    expect(result.status).toBe(400);
    expect(formErrors(result).confirm).toEqual(["Vink aan dat u uw aanvraag wilt intrekken."]);
    expect((result.data as { result: { initialValue: Record<string, string> } }).result.initialValue.reason).toBe("Toch niet");
    const tooLong = await withdraw(reference, cookies.sanne!, { intent: "withdraw", confirm: "yes", reason: "x".repeat(1001) });
    expect(formErrors(tooLong).reason).toEqual(["Uw reden mag hoogstens 1000 tekens hebben."]);
    expect(await snapshot(reference)).toEqual(before);
  });

  // Who may withdraw, by hand: the applicant (by address) yes; another resident, a partner and a
  // reviewer no (404, as for the page); anonymous is sent to sign in. Nothing changes for any "no".
  it.each([
    ["another resident", "other", 404],
    ["a partner", "ruud", 404],
    ["a reviewer", "mirjam", 404],
    ["anonymous", null, 302],
  ] as const)("%s cannot withdraw someone's application (%s → %i)", async (_who, person, status) => {
    const { reference } = await apply();
    const before = await snapshot(reference);
    const result = await withdraw(reference, person ? cookies[person]! : null);
    expect(result.status).toBe(status);
    if (status === 302) expect(result.headers.get("Location")).toMatch(/^\/inloggen\?terug=/);
    expect(await snapshot(reference)).toEqual(before);
  });

  it("an unknown intent is 400 and changes nothing", async () => {
    const { reference } = await apply();
    const before = await snapshot(reference);
    expect((await withdraw(reference, cookies.sanne!, { intent: "approve", confirm: "yes" })).status).toBe(400);
    expect(await snapshot(reference)).toEqual(before);
  });

  it("the supporter who sent it may withdraw it too (the domain's other owner)", async () => {
    const at = new Date().toISOString();
    const youssefId = await createTestUser(db, { email: "youssef@example.org", name: "Youssef", roles: ["supporter"], at });
    const youssef = (await getUserById(db, youssefId))!;
    const { reference } = await submitApplication(
      db,
      applicationInput({ costLines: [], email: "bewoner.zonder@example.org", title: `Namens ${Math.random()}` }),
      submitContext({ user: youssef, onBehalf: true }),
    );
    const result = await withdraw(reference, await signedInCookie(youssefId));
    expect(result.status).toBe(303);
    expect(await row(reference)).toMatchObject({ status: "withdrawn", applicant_user_id: null });
  });
});

describe("the resident's history", () => {
  it("lists the steps that concern them, in order, and leaves out the bureau's own work and the four eyes", async () => {
    const { reference, token } = await apply({ requestedCents: 300_000, amount: 300_000 });
    const id = await take(reference);
    expect(await declareConflict(db, id, users.daan!, { kind: "family", note: "Mijn nicht, geheim-conflict" }, new Date())).toMatchObject({ ok: true });
    expect(
      await saveReview(
        db,
        id,
        users.mirjam!,
        {
          judgements: [
            { factorId: "ontmoeting", judgement: "strong", motivation: "Sterk verhaal" },
            { factorId: "verbondenheid", judgement: "sufficient", motivation: "Prima" },
          ],
          note: "Geheime-bureaunotitie",
        },
        new Date(),
      ),
    ).toMatchObject({ ok: true });
    // The question itself is the question flow's (its mail comes with it): the rows its step writes.
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("applications").set({ status: "needs_info" }).where("id", "=", id).execute();
      await writeAudit(trx, {
        at: new Date().toISOString(),
        actor: { userId: users.mirjam!.id, label: users.mirjam!.email },
        action: "application.question_asked",
        entityType: "application",
        entityId: id,
        before: { status: "in_review" },
        after: { status: "needs_info", reference, reason: "Wie doet er mee?" },
      });
    });
    expect(await applyOwnerStep(db, id, { type: "submit" }, users.sanne!, settings, new Date())).toMatchObject({ ok: true, status: "submitted" });
    await take(reference);
    expect(await applyLifecycleAction(db, id, { type: "approve", grantedCents: 280_000 }, users.mirjam!, settings, new Date())).toMatchObject({
      ok: true,
      status: "awaiting_second_review",
    });
    // Waiting for the second reviewer is the bureau's business: the resident sees nothing new yet.
    expect((await residentHistoryByReference(db, reference)).map((h) => h.step)).toEqual(["received", "in_review", "question", "answered", "in_review"]);
    expect(await applyLifecycleAction(db, id, { type: "send_back", reason: "Geheime-terugstuurreden" }, users.daan!, settings, new Date())).toMatchObject({
      ok: false,
      reason: "conflict_of_interest",
    });
    const second = users.daan!;
    await db.deleteFrom("conflicts_of_interest").where("application_id", "=", id).execute();
    expect(await applyLifecycleAction(db, id, { type: "confirm" }, second, settings, new Date())).toMatchObject({ ok: true, status: "approved" });

    const history = await residentHistoryByReference(db, reference);
    expect(history.map((h) => h.step)).toEqual(["received", "in_review", "question", "answered", "in_review", "approved"]);
    expect(history.at(-1)).toMatchObject({ step: "approved", grantedCents: 280_000 });
    for (const entry of history) expect(Object.keys(entry).sort()).toEqual(entry.step === "approved" ? ["at", "grantedCents", "step"] : ["at", "step"]);

    // Both pages' data: no reviewer names or addresses, notes, conflict kinds or reasons.
    const pages = [await openMine(reference, cookies.sanne!), await openStatus(token)];
    for (const page of pages) {
      expect(page.status).toBe(200);
      const text = JSON.stringify(page.data);
      for (const secret of [
        "mirjam",
        "Mirjam",
        "daan",
        "Daan",
        "Geheime-bureaunotitie",
        "geheim-conflict",
        "family",
        "Sterk verhaal",
        "awaiting_second_review",
        "applicant_linked",
      ]) {
        expect(text, secret).not.toContain(secret);
      }
      expect((page.data as { history: unknown[] }).history).toEqual(JSON.parse(JSON.stringify(history)));
    }
  });

  it("shows a decline, a payment and a cancellation in their own words' steps", async () => {
    const declined = await apply();
    const id = await take(declined.reference);
    await applyLifecycleAction(db, id, { type: "decline", reason: "Past niet" }, users.mirjam!, settings, new Date());
    expect((await residentHistoryByReference(db, declined.reference)).map((h) => h.step)).toEqual(["received", "in_review", "declined"]);

    const paid = await apply();
    const paidId = await take(paid.reference);
    await applyLifecycleAction(db, paidId, { type: "approve", grantedCents: 10_000 }, users.mirjam!, settings, new Date());
    await applyLifecycleAction(db, paidId, { type: "cancel", reason: "Gaat niet door" }, users.mirjam!, settings, new Date());
    expect((await residentHistoryByReference(db, paid.reference)).map((h) => [h.step, h.grantedCents])).toEqual([
      ["received", undefined],
      ["in_review", undefined],
      ["approved", 10_000],
      ["cancelled", undefined],
    ]);
  });
});
