// The one write path for lifecycle steps, on a real SQLite file: what is stored after a "yes",
// that nothing is stored after a "no", and where the context comes from.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb, count, createTestUser, TEST_SETTINGS } from "../support/test-db";
import { submitApplication } from "~/models/applications.server";
import { applicationIdOf, applyLifecycleAction } from "~/models/lifecycle.server";
import { buildLifecycleContext } from "~/models/lifecycle-context.server";
import { getUserById, type User } from "~/models/users.server";
import { auditTrail } from "~/models/audit.server";
import type { MoneyRefusal } from "~/models/ledger-effects.server";
import type { ApplicationInput } from "~/forms/application-schema";
import { applicationInput } from "../support/applications";
import type { DB } from "~/services/db.server";

const NOW = new Date("2026-11-23T10:00:00Z");
const LATER = new Date("2026-11-24T09:00:00Z");

// A request above the four-eyes threshold (2.500 euro in the test settings), for one protective factor.
const input = (overrides: Partial<ApplicationInput> = {}) =>
  applicationInput({ factorIds: ["ontmoeting"], amount: 300_000, requestedCents: 300_000, costLines: [], ...overrides });

let db: DB;
let cleanup: () => Promise<void>;
let reviewer: User;
let second: User;
let applicationId: string;

async function user(email: string, roles: User["roles"]): Promise<User> {
  return (await getUserById(db, await createTestUser(db, { email, name: email.split("@")[0]!, roles, at: NOW.toISOString() })))!;
}

async function submit(overrides: Partial<ApplicationInput> = {}, by: User | null = null): Promise<string> {
  const { reference } = await submitApplication(db, input(overrides), { user: by, onBehalf: by !== null, locale: "nl", now: NOW, settings: TEST_SETTINGS });
  return (await applicationIdOf(db, reference))!;
}

const row = () => db.selectFrom("applications").selectAll().where("id", "=", applicationId).executeTakeFirstOrThrow();
const take = (by: User | null, settings = TEST_SETTINGS) => applyLifecycleAction(db, applicationId, { type: "take" }, by, { settings }, LATER);

beforeEach(async () => {
  ({ db, cleanup } = await freshDb());
  reviewer = await user("mirjam@example.org", ["reviewer"]);
  second = await user("tweede@example.org", ["reviewer"]);
  applicationId = await submit();
});
afterEach(async () => cleanup());

describe("applying a lifecycle step", () => {
  it("stores the new status and writes the audit entry the decision returns", async () => {
    expect(await take(reviewer)).toEqual({ ok: true, reference: "IF-2026-0001", from: "submitted", status: "in_review", action: "take" });
    expect(await row()).toMatchObject({ status: "in_review", updated_at: LATER.toISOString(), closed_at: null, assigned_user_id: reviewer.id });
    const trail = await auditTrail(db, "application", applicationId);
    expect(trail.map((t) => [t.action, t.actor_label])).toEqual([
      ["application.submitted", "anonymous"],
      ["application.taken", "mirjam@example.org"],
    ]);
    expect(JSON.parse(trail[1]!.before_json!)).toEqual({ status: "submitted" });
    expect(JSON.parse(trail[1]!.after_json!)).toEqual({ status: "in_review", reference: "IF-2026-0001", assignedUserId: reviewer.id });
  });

  it("writes nothing on a refusal and returns it as a value", async () => {
    const before = await row();
    const audits = await count(db, "audit_log");
    const mails = await count(db, "outbox");
    expect(await take(null)).toEqual({ ok: false, reason: "not_signed_in", action: "take" });
    expect(await row()).toEqual(before);
    expect(await count(db, "audit_log")).toBe(audits);
    // Once taken, a second reviewer's "take" finds it in review.
    await take(reviewer);
    const taken = await row();
    expect(await take(second)).toEqual({ ok: false, reason: "not_allowed_in_status", status: "in_review", action: "take" });
    expect(await row()).toEqual(taken);
    expect(await count(db, "audit_log")).toBe(audits + 1);
    expect(await count(db, "outbox")).toBe(mails);
    expect(await applicationIdOf(db, "IF-2026-9999")).toBeNull();
    expect(await applyLifecycleAction(db, "no-such-id", { type: "take" }, reviewer, { settings: TEST_SETTINGS }, LATER)).toEqual({
      ok: false,
      reason: "not_found",
    });
  });

  it("refuses a reviewer with a conflict of interest recorded in the database", async () => {
    await db
      .insertInto("conflicts_of_interest")
      .values({ application_id: applicationId, user_id: reviewer.id, declared_at: NOW.toISOString(), reason: "buurvrouw" })
      .execute();
    expect(await take(reviewer)).toEqual({ ok: false, reason: "conflict_of_interest" });
    expect((await row()).status).toBe("submitted");
    expect((await take(second)).ok).toBe(true);
  });

  it("takes the four-eyes threshold from the settings: above it, a second reviewer confirms", async () => {
    await take(reviewer);
    const approve = (settings = TEST_SETTINGS) =>
      applyLifecycleAction(
        db,
        applicationId,
        { type: "approve", grantedCents: 300_000 },
        reviewer,
        { settings: { ...settings, bureauEmail: "bureau@example.org" } },
        LATER,
      );
    // 3,000 euros is above the 2,500 of TEST_SETTINGS: it waits for a second reviewer.
    expect(await approve()).toMatchObject({ ok: true, status: "awaiting_second_review" });
    expect(await row()).toMatchObject({ granted_cents: 300_000, first_approver_user_id: reviewer.id });
    const notice = await db.selectFrom("outbox").selectAll().where("template", "=", "bureau-notice").executeTakeFirstOrThrow();
    expect(notice).toMatchObject({ to_address: "bureau@example.org", subject: "Aanvraag IF-2026-0001: wacht op een tweede beoordelaar" });
    expect(notice.text_body).toContain("https://fonds.example/beheer/aanvragen/IF-2026-0001");
    expect(notice.text_body).not.toContain("Sanne");
    // The same reviewer cannot confirm their own approval; a second one sends it back.
    const confirm = await applyLifecycleAction(db, applicationId, { type: "confirm" }, reviewer, { settings: TEST_SETTINGS }, LATER);
    expect(confirm).toEqual({ ok: false, reason: "same_reviewer" });
    expect(
      await applyLifecycleAction(db, applicationId, { type: "send_back", reason: "Eerst de begroting" }, second, { settings: TEST_SETTINGS }, LATER),
    ).toMatchObject({ ok: true, status: "in_review" });
    expect(await row()).toMatchObject({ granted_cents: null, first_approver_user_id: null });
    const sentBack = (await auditTrail(db, "application", applicationId)).at(-1)!;
    expect(sentBack.action).toBe("application.sent_back");
    expect(JSON.parse(sentBack.after_json!)).toMatchObject({ reason: "Eerst de begroting", grantedCents: null, firstApproverUserId: null });
  });

  it("hands an approval's money to the ledger seam first, in the step's transaction, and writes nothing when it refuses", async () => {
    await take(reviewer);
    const audits = await count(db, "audit_log");
    const mails = await count(db, "outbox");
    const approve = (ledger?: Parameters<typeof applyLifecycleAction>[4]["ledger"]) =>
      applyLifecycleAction(db, applicationId, { type: "approve", grantedCents: 100_000 }, reviewer, { settings: TEST_SETTINGS, ledger }, LATER);
    // It is called once, with the commitment, before anything of the step is stored.
    const seen: unknown[] = [];
    const short: MoneyRefusal = { ok: false, reason: "money_short", requestedCents: 100_000, pots: [{ name: "Pot", availableCents: 5 }] };
    const refused = await approve(async (trx, effects, step) => {
      const { status } = await trx.selectFrom("applications").select("status").where("id", "=", applicationId).executeTakeFirstOrThrow();
      seen.push({ effects, step, status });
      return short;
    });
    expect(refused).toEqual(short);
    expect(seen).toEqual([
      {
        effects: [{ type: "ledger", operation: "commit", cents: 100_000 }],
        step: { applicationId, reference: "IF-2026-0001", at: LATER.toISOString(), actorUserId: reviewer.id, actorLabel: "mirjam@example.org" },
        status: "in_review",
      },
    ]);
    // A refusal as a value writes nothing: no status, audit row, decision or mail.
    expect(await row()).toMatchObject({ status: "in_review", granted_cents: null });
    expect(await count(db, "audit_log")).toBe(audits);
    expect(await count(db, "outbox")).toBe(mails);
    expect(await db.selectFrom("application_decisions").selectAll().execute()).toEqual([]);
    // A handler that throws rolls the whole step back too.
    await expect(approve(() => Promise.reject(new Error("ledger broke")))).rejects.toThrow(/ledger broke/);
    expect(await row()).toMatchObject({ status: "in_review", granted_cents: null });
    // The real seam commits the amount over the test pots (80 % Rijk, 20 % partner).
    expect(await approve()).toMatchObject({ ok: true, status: "approved" });
    const entries = await db.selectFrom("ledger_entries").select(["pot_id", "kind", "cents"]).where("application_id", "=", applicationId).execute();
    expect(entries.map((e) => [e.pot_id, e.kind, Number(e.cents)])).toEqual([
      ["pot-test-partner", "commitment", 20_000],
      ["pot-test-rijk", "commitment", 80_000],
    ]);
  });

  it("rolls the whole step back when its mail has no template yet", async () => {
    await take(reviewer);
    expect(
      await applyLifecycleAction(db, applicationId, { type: "approve", grantedCents: 100_000 }, reviewer, { settings: TEST_SETTINGS }, LATER),
    ).toMatchObject({
      ok: true,
    });
    const admin = await user("petra@example.org", ["fund_admin"]);
    const audits = await count(db, "audit_log");
    // A payment mails the applicant, and that template does not exist yet.
    await expect(applyLifecycleAction(db, applicationId, { type: "record_payment" }, admin, { settings: TEST_SETTINGS }, LATER)).rejects.toThrow(
      /No mail template/,
    );
    expect(await row()).toMatchObject({ status: "approved", granted_cents: 100_000 });
    expect(await count(db, "audit_log")).toBe(audits);
  });
});

describe("the lifecycle context", () => {
  it("comes from the settings, the conflicts in the database and today's date in Amsterdam", async () => {
    await db
      .insertInto("conflicts_of_interest")
      .values({ application_id: applicationId, user_id: second.id, declared_at: NOW.toISOString(), reason: null })
      .execute();
    const context = await buildLifecycleContext(
      db,
      applicationId,
      { ...TEST_SETTINGS, fundMaxCents: 123_00, fourEyesThresholdCents: 45_00 },
      new Date("2026-11-23T23:30:00Z"),
    );
    expect(context).toEqual({ fourEyesThresholdCents: 45_00, maxAmountCents: 123_00, conflictsOfInterest: [second.id], today: "2026-11-24" });
  });
});

describe("who hears of a step", () => {
  it("mails the applicant and the supporter who submitted for them, each once", async () => {
    const supporter = await user("werker@example.org", ["supporter"]);
    await submit({ title: "Voor de buurman", email: "buurman@example.org" }, supporter);
    await submit({ title: "Zonder e-mail", email: null, phone: "0612345678" }, supporter);
    const received = await db
      .selectFrom("outbox")
      .select(["to_address", "text_body"])
      .where("template", "=", "application-received")
      .orderBy("created_at")
      .orderBy("to_address")
      .execute();
    expect(received.map((m) => m.to_address).sort()).toEqual(["buurman@example.org", "sanne@example.org", "werker@example.org", "werker@example.org"]);
    // The same mail, with the same status link, to both.
    const forNeighbour = received.filter((m) => m.text_body.includes("IF-2026-0002"));
    expect(forNeighbour.map((m) => m.to_address).sort()).toEqual(["buurman@example.org", "werker@example.org"]);
    expect(forNeighbour[0]!.text_body).toBe(forNeighbour[1]!.text_body);
  });

  it("lets the supporter withdraw what they sent; both hear of it and the file is closed", async () => {
    const supporter = await user("werker@example.org", ["supporter"]);
    applicationId = await submit({ title: "Voor de buurman", email: "buurman@example.org" }, supporter);
    // Someone else may not; the supporter may.
    expect(await applyLifecycleAction(db, applicationId, { type: "withdraw" }, reviewer, { settings: TEST_SETTINGS }, LATER)).toMatchObject({
      ok: false,
      reason: "role_not_allowed",
    });
    expect(
      await applyLifecycleAction(db, applicationId, { type: "withdraw", reason: " Gaat niet door " }, supporter, { settings: TEST_SETTINGS }, LATER),
    ).toMatchObject({ ok: true, status: "withdrawn" });
    expect(await row()).toMatchObject({ status: "withdrawn", closed_at: LATER.toISOString() });
    const mails = await db.selectFrom("outbox").select(["to_address", "subject"]).where("template", "=", "withdrawn").execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(["buurman@example.org", "werker@example.org"]);
    expect(mails[0]!.subject).toBe("Uw aanvraag IF-2026-0002 is ingetrokken");
    const audit = (await auditTrail(db, "application", applicationId)).at(-1)!;
    expect([audit.action, audit.actor_label]).toEqual(["application.withdrawn", "werker@example.org"]);
    expect(JSON.parse(audit.after_json!)).toEqual({ status: "withdrawn", reference: "IF-2026-0002", reason: "Gaat niet door" });
  });
});
