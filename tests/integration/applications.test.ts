import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb, count } from "../support/test-db";
import { translator } from "~/i18n/translate";
import { submitApplication, saveDraft, loadDraft, formatReference } from "~/models/applications.server";
import { listAllApplications, listApplicationsOfUser, getApplicationByReference, getApplicationByStatusToken } from "~/models/application-views.server";
import { createUser, getUserById } from "~/models/users.server";
import { auditTrail } from "~/models/audit.server";
import type { ApplicationInput } from "~/forms/application-schema";
import type { DB } from "~/services/db.server";
import { sql } from "kysely";

const t = translator("nl");
const NOW = new Date("2026-11-23T10:00:00Z");

function input(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    submissionKey: `key-${Math.random().toString(36).slice(2)}`,
    name: "Sanne Test",
    email: "sanne@example.org",
    phone: null,
    areaId: "kroeven",
    title: "Samen koken",
    description: "Elke maand koken we met buren.",
    factorIds: ["ontmoeting", "verbondenheid"],
    activityDate: "2027-01-15",
    participants: 30,
    amount: 125050,
    requestedCents: 125050,
    costLines: [{ description: "Boodschappen", cents: 125050 }],
    publicConsent: true,
    ...overrides,
  };
}

const ctx = (overrides = {}) => ({ user: null, onBehalf: false, locale: "nl" as const, t, now: NOW, localDate: "2026-11-23", publicUrl: "https://fonds.example", ...overrides });

let db: DB;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await freshDb());
});
afterEach(async () => cleanup());

describe("submitting an application", () => {
  it("stores the application, its reference, an audit row and the confirmation mail in one go", async () => {
    const result = await submitApplication(db, input(), ctx());
    expect(result).toEqual({ reference: "IF-2026-0001", created: true });
    const detail = await getApplicationByReference(db, "IF-2026-0001", "nl");
    expect(detail).toMatchObject({
      status: "submitted",
      title: "Samen koken",
      areaName: "Kroeven",
      requestedCents: 125050,
      applicantEmail: "sanne@example.org",
      participants: 30,
      publicConsent: true,
      costLines: [{ description: "Boodschappen", cents: 125050 }],
    });
    expect(detail?.factors.map((f) => f.id)).toEqual(["ontmoeting", "verbondenheid"]);
    const trail = await auditTrail(db, "application", detail!.id);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: "application.submitted", actor_label: "anonymous", at: NOW.toISOString() });
    expect(JSON.parse(trail[0]!.after_json!)).toMatchObject({ status: "submitted", reference: "IF-2026-0001", requestedCents: 125050 });
    const mails = await db.selectFrom("outbox").selectAll().execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: "sanne@example.org", status: "pending", subject: "Wij hebben uw aanvraag IF-2026-0001 ontvangen" });
    const link = /https:\/\/fonds\.example\/status\/([\w-]+)/.exec(mails[0]!.text_body);
    expect(link).not.toBeNull();
    expect((await getApplicationByStatusToken(db, link![1]!, "nl"))?.reference).toBe("IF-2026-0001");
    expect(await getApplicationByStatusToken(db, "not-a-token", "nl")).toBeNull();
  });

  it("tells the bureau's inbox, when configured, without personal data", async () => {
    await submitApplication(db, input(), ctx({ bureauEmail: "bureau@example.org" }));
    const mails = await db.selectFrom("outbox").selectAll().orderBy("template").execute();
    expect(mails.map((m) => [m.template, m.to_address])).toEqual([
      ["application-received", "sanne@example.org"],
      ["new-application", "bureau@example.org"],
    ]);
    const notice = mails[1]!;
    expect(notice.subject).toBe("Nieuwe aanvraag IF-2026-0001");
    expect(notice.text_body).toContain("https://fonds.example/beheer/aanvragen/IF-2026-0001");
    expect(notice.text_body).toContain("Kroeven");
    expect(notice.text_body).not.toContain("Sanne");
    expect(notice.text_body).not.toContain("sanne@example.org");
  });

  it("numbers references per year and restarts in a new year", async () => {
    await submitApplication(db, input({ title: "Eerste" }), ctx());
    await submitApplication(db, input({ title: "Tweede" }), ctx());
    const next = await submitApplication(db, input({ title: "Derde" }), ctx({ localDate: "2027-01-01" }));
    expect(next.reference).toBe("IF-2027-0001");
    expect(formatReference(2027, 42)).toBe("IF-2027-0042");
    const { rows, total } = await listAllApplications(db, { page: 1, pageSize: 10 });
    expect(total).toBe(3);
    expect(rows.map((r) => r.reference)).toEqual(["IF-2027-0001", "IF-2026-0002", "IF-2026-0001"]);
  });

  it("creates one application when the same form is sent twice", async () => {
    const same = input();
    const first = await submitApplication(db, same, ctx());
    const again = await submitApplication(db, same, ctx());
    expect(again).toEqual({ reference: first.reference, created: false });
    expect(await count(db, "applications")).toBe(1);
    expect(await count(db, "audit_log")).toBe(1);
    expect(await count(db, "outbox")).toBe(1);
  });

  it("recognises the same application sent again with a new form key (back button) within a day", async () => {
    const first = await submitApplication(db, input(), ctx());
    const resent = await submitApplication(db, input({ title: "  Samen koken " }), ctx({ now: new Date(NOW.getTime() + 60_000) }));
    expect(resent).toEqual({ reference: first.reference, created: false });
    const other = await submitApplication(db, input({ requestedCents: 99_00, amount: 99_00 }), ctx());
    expect(other.created).toBe(true);
    const nextDay = await submitApplication(db, input(), ctx({ now: new Date(NOW.getTime() + 25 * 3600_000) }));
    expect(nextDay.created).toBe(true);
    expect(await count(db, "applications")).toBe(3);
  });

  it("writes nothing when any part fails (one transaction)", async () => {
    await expect(submitApplication(db, input({ factorIds: ["bestaat-niet"] }), ctx())).rejects.toThrow();
    expect(await count(db, "applications")).toBe(0);
    expect(await count(db, "audit_log")).toBe(0);
    expect(await count(db, "outbox")).toBe(0);
    expect(await count(db, "users")).toBe(0);
  });

  it("links the application to the resident's account, and a supporter's to the supporter", async () => {
    const supporterId = await createUser(db, { email: "werker@example.org", name: "Werker", roles: ["supporter"], at: NOW.toISOString() });
    const supporter = (await getUserById(db, supporterId))!;
    await submitApplication(db, input(), ctx());
    const onBehalf = await submitApplication(db, input({ email: null, phone: "0612345678", name: "Buurman Piet" }), ctx({ user: supporter, onBehalf: true }));
    const resident = await db.selectFrom("users").select("id").where("email", "=", "sanne@example.org").executeTakeFirstOrThrow();
    expect((await listApplicationsOfUser(db, resident.id)).map((a) => a.reference)).toEqual(["IF-2026-0001"]);
    const mine = await listApplicationsOfUser(db, supporterId);
    expect(mine).toEqual([expect.objectContaining({ reference: onBehalf.reference, onBehalfOf: "Buurman Piet" })]);
    // Without the resident's e-mail the confirmation goes to the supporter.
    const mail = await db.selectFrom("outbox").select("to_address").orderBy("created_at").execute();
    expect(mail.map((m) => m.to_address)).toEqual(["sanne@example.org", "werker@example.org"]);
    const trail = await auditTrail(db, "application", (await getApplicationByReference(db, onBehalf.reference, "nl"))!.id);
    expect(trail[0]).toMatchObject({ actor_label: "werker@example.org" });
  });
});

describe("drafts", () => {
  it("are saved with a mailed link, restored by it, never listed for the bureau, and used up on submit", async () => {
    await saveDraft(db, { email: "Sanne@Example.org", payload: { title: "Half af", factorIds: ["ontmoeting"] }, user: null, t, now: NOW, publicUrl: "https://fonds.example" });
    const mail = await db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(mail.to_address).toBe("sanne@example.org");
    const token = /concept=([\w-]+)/.exec(mail.text_body)![1]!;
    expect(await loadDraft(db, token, NOW)).toEqual({ title: "Half af", factorIds: ["ontmoeting"] });
    expect((await listAllApplications(db, { page: 1, pageSize: 10 })).total).toBe(0);
    expect(await loadDraft(db, token, new Date(NOW.getTime() + 31 * 24 * 3600 * 1000))).toBeNull();
    await submitApplication(db, input(), ctx({ draftToken: token }));
    expect(await loadDraft(db, token, NOW)).toBeNull();
  });
});

describe("the audit log", () => {
  it("cannot be changed or emptied", async () => {
    await submitApplication(db, input(), ctx());
    await expect(sql`update audit_log set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await count(db, "audit_log")).toBe(1);
  });
});
