import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb, count, createTestUser, TEST_ENGINE, TEST_SETTINGS } from "../support/test-db";
import { translator } from "~/i18n/translate";
import { submitApplication, submitApplicationWithinLimits } from "~/models/applications.server";
import { saveDraft, loadDraft } from "~/models/drafts.server";
import { formatReference } from "~/models/reference-numbers.server";
import {
  listAllApplications,
  listApplicationsOfUser,
  getApplicationByReference,
  getApplicationByStatusToken,
  ownApplicationView,
} from "~/models/application-views.server";
import { issueLoginCode, verifyLoginCode } from "~/models/login-codes.server";
import { housekeeping } from "~/models/housekeeping.server";
import { getUserById } from "~/models/users.server";
import { auditTrail } from "~/models/audit.server";
import type { ApplicationInput } from "~/forms/application-schema";
import { applicationInput, submitContext, type SubmitContext } from "../support/applications";
import type { DB } from "~/services/db.server";
import { sql } from "kysely";

const t = translator("nl");
const NOW = new Date("2026-11-23T10:00:00Z");

const input = applicationInput;
const ctx = (overrides: Partial<SubmitContext> = {}) => submitContext({ now: NOW, ...overrides });

let db: DB;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  // No pots: these tests count every audit row, and a submission books no money.
  ({ db, cleanup } = await freshDb({ funding: false }));
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
    expect(JSON.parse(trail[0]!.before_json!)).toEqual({ status: "draft" });
    expect(JSON.parse(trail[0]!.after_json!)).toEqual({ status: "submitted", reference: "IF-2026-0001" });
    const mails = await db.selectFrom("outbox").selectAll().execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: "sanne@example.org", status: "pending", subject: "Wij hebben uw aanvraag IF-2026-0001 ontvangen" });
    const link = /https:\/\/fonds\.example\/status\/([\w-]+)/.exec(mails[0]!.text_body);
    expect(link).not.toBeNull();
    expect((await getApplicationByStatusToken(db, link![1]!, "nl"))?.reference).toBe("IF-2026-0001");
    expect(await getApplicationByStatusToken(db, "not-a-token", "nl")).toBeNull();
  });

  it("tells the bureau's inbox, when configured, without personal data", async () => {
    await submitApplication(db, input(), ctx({ settings: { ...TEST_SETTINGS, bureauEmail: "bureau@example.org" } }));
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
    const next = await submitApplication(db, input({ title: "Derde" }), ctx({ now: new Date("2027-01-01T08:00:00Z") }));
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

  it("makes no account for an address nobody has proven; the application shows once that address signs in", async () => {
    const supporterId = await createTestUser(db, { email: "werker@example.org", name: "Werker", roles: ["supporter"], at: NOW.toISOString() });
    const supporter = (await getUserById(db, supporterId))!;
    await submitApplication(db, input(), ctx());
    const onBehalf = await submitApplication(db, input({ email: null, phone: "0612345678", name: "Buurman Piet" }), ctx({ user: supporter, onBehalf: true }));
    // Nobody has shown they own sanne@example.org: no account, no name stored for it.
    expect(await db.selectFrom("users").select("email").execute()).toEqual([{ email: "werker@example.org" }]);
    expect(await db.selectFrom("applications").select("applicant_user_id").where("reference", "=", "IF-2026-0001").executeTakeFirstOrThrow()).toEqual({
      applicant_user_id: null,
    });
    expect(await db.selectFrom("audit_log").select("action").where("action", "=", "user.created").execute()).toHaveLength(1); // the supporter

    // Sanne signs in with the code from her mail: now the account exists and the application is hers.
    await issueLoginCode(db, { email: "sanne@example.org", ip: "1.2.3.4", now: NOW, t, linkBase: "https://fonds.example" });
    const mail = await db.selectFrom("outbox").select("subject").where("template", "=", "sign-in").executeTakeFirstOrThrow();
    const signedIn = await verifyLoginCode(db, { email: "sanne@example.org", code: /(\d{6})$/.exec(mail.subject)![1]!, now: NOW });
    const sanne = (await getUserById(db, (signedIn as { userId: string }).userId))!;
    expect((await listApplicationsOfUser(db, sanne)).map((a) => a.reference)).toEqual(["IF-2026-0001"]);
    expect((await ownApplicationView(db, "IF-2026-0001", "nl", sanne))!.ownerUserIds).toContain(sanne.id);
    expect((await ownApplicationView(db, "IF-2026-0001", "nl", supporter))!.ownerUserIds).not.toContain(supporterId);
    // Sent after she signed in once: tied to her account straight away.
    await submitApplication(db, input({ title: "Tweede idee" }), ctx());
    expect(
      (await db.selectFrom("applications").select("applicant_user_id").where("title", "=", "Tweede idee").executeTakeFirstOrThrow()).applicant_user_id,
    ).toBe(sanne.id);

    // The supporter keeps seeing what they sent for others, and not Sanne's.
    const mine = await listApplicationsOfUser(db, supporter);
    expect(mine).toEqual([expect.objectContaining({ reference: onBehalf.reference, onBehalfOf: "Buurman Piet" })]);
    // Without the resident's e-mail the confirmation goes to the supporter.
    const received = await db.selectFrom("outbox").select("to_address").where("template", "=", "application-received").orderBy("created_at").execute();
    expect(received.map((m) => m.to_address)).toEqual(["sanne@example.org", "werker@example.org", "sanne@example.org"]);
    const trail = await auditTrail(db, "application", (await getApplicationByReference(db, onBehalf.reference, "nl"))!.id);
    expect(trail[0]).toMatchObject({ actor_label: "werker@example.org" });
  });
});

describe("limits on the public form", () => {
  const limited = (overrides: Partial<ApplicationInput>, extra: Partial<SubmitContext> & { ip?: string } = {}) =>
    submitApplicationWithinLimits(db, input(overrides), { ip: "7.7.7.7", ...ctx(extra) });

  it("takes at most 3 applications an hour for one address, and answers when to try again", async () => {
    for (let i = 0; i < 3; i++)
      expect(await limited({ title: `Idee ${i}` }, { now: new Date(NOW.getTime() + i * 60_000) })).toMatchObject({ ok: true, created: true });
    const refused = await limited({ title: "Idee 4" }, { now: new Date(NOW.getTime() + 10 * 60_000) });
    expect(refused).toEqual({ ok: false, reason: "rate_limited", retryAt: new Date(NOW.getTime() + 3600_000) });
    expect(await count(db, "applications")).toBe(3);
    expect(await count(db, "outbox")).toBe(3);
    // The same address, other case and spaces, is the same address.
    const soon = { now: new Date(NOW.getTime() + 11 * 60_000) };
    expect((await limited({ title: "Idee 5", email: " SANNE@example.org" }, soon)).ok).toBe(false);
    // Another address from the same place is fine.
    expect((await limited({ title: "Idee 6", email: "buur@example.org" }, soon)).ok).toBe(true);
    // After the hour, again.
    expect((await limited({ title: "Idee 7" }, { now: new Date(NOW.getTime() + 3600_000) })).ok).toBe(true);
  });

  it("answers a repeat with the first application even when the budget is used up", async () => {
    const same = input();
    const first = await submitApplicationWithinLimits(db, same, { ...ctx(), ip: "7.7.7.7" });
    for (let i = 0; i < 2; i++) await limited({ title: `Idee ${i}` });
    expect(await submitApplicationWithinLimits(db, same, { ...ctx(), ip: "7.7.7.7" })).toEqual({
      ok: true,
      reference: (first as { reference: string }).reference,
      created: false,
    });
  });

  it("takes at most 60 an hour from one IP address; a signed-in supporter counts as themselves", async () => {
    for (let i = 0; i < 60; i++) expect((await limited({ email: `buur${i}@example.org` })).ok).toBe(true);
    expect(await limited({ email: "buur60@example.org" })).toMatchObject({ ok: false, reason: "rate_limited" });
    const supporterId = await createTestUser(db, { email: "werker@example.org", name: "Werker", roles: ["supporter"], at: NOW.toISOString() });
    const supporter = (await getUserById(db, supporterId))!;
    expect(await limited({ email: "buur61@example.org" }, { user: supporter, onBehalf: true })).toMatchObject({ ok: true, created: true });
    expect(await count(db, "applications")).toBe(61);
  });
});

describe("drafts", () => {
  it("are saved with a mailed link, restored by it, never listed for the bureau, and used up on submit", async () => {
    await saveDraft(db, {
      email: "Sanne@Example.org",
      payload: { email: "Sanne@Example.org", title: "Half af", factorIds: ["ontmoeting"] },
      user: null,
      t,
      now: NOW,
      publicUrl: "https://fonds.example",
    });
    const mail = await db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(mail.to_address).toBe("sanne@example.org");
    const token = /concept=([\w-]+)/.exec(mail.text_body)![1]!;
    expect(await loadDraft(db, token, NOW)).toEqual({ email: "Sanne@Example.org", title: "Half af", factorIds: ["ontmoeting"] });
    expect((await listAllApplications(db, { page: 1, pageSize: 10 })).total).toBe(0);
    expect(await loadDraft(db, token, new Date(NOW.getTime() + 31 * 24 * 3600 * 1000))).toBeNull();
    await submitApplication(db, input(), ctx({ draftToken: token }));
    expect(await loadDraft(db, token, NOW)).toBeNull();
  });
});

describe("drafts within limits", () => {
  const save = (email: string, at = NOW, ip = "7.7.7.7") =>
    saveDraft(db, { email, payload: { email, title: "Half af" }, user: null, t, now: at, publicUrl: "https://fonds.example", ip });

  it("mail one address at most 3 times an hour and 10 times a day, whoever asks", async () => {
    for (let i = 0; i < 3; i++) expect(await save("slachtoffer@example.org", new Date(NOW.getTime() + i * 1000), `10.0.0.${i}`)).toEqual({ ok: true });
    expect(await save("slachtoffer@example.org", new Date(NOW.getTime() + 5000), "10.0.0.9")).toEqual({
      ok: false,
      retryAt: new Date(NOW.getTime() + 3600_000),
    });
    expect(await count(db, "drafts")).toBe(3);
    expect(await count(db, "outbox")).toBe(3);
    for (let h = 1; h <= 3; h++) for (let i = 0; i < 3; i++) await save("slachtoffer@example.org", new Date(NOW.getTime() + h * 3600_000 + i * 1000));
    expect(await count(db, "outbox")).toBe(10);
    expect((await save("slachtoffer@example.org", new Date(NOW.getTime() + 5 * 3600_000))).ok).toBe(false);
  });

  it("take at most 60 an hour from one IP address", async () => {
    for (let i = 0; i < 60; i++) expect((await save(`buur${i}@example.org`)).ok).toBe(true);
    expect((await save("buur60@example.org")).ok).toBe(false);
    expect((await save("buur60@example.org", NOW, "8.8.8.8")).ok).toBe(true);
  });

  it("are deleted once their link has expired or they were sent, with the old rate-limit counts", async () => {
    await save("a@example.org");
    await save("b@example.org", new Date(NOW.getTime() + 10 * 24 * 3600_000));
    const mail = await db.selectFrom("outbox").select("text_body").where("to_address", "=", "b@example.org").executeTakeFirstOrThrow();
    await submitApplication(db, input(), ctx({ draftToken: /concept=([\w-]+)/.exec(mail.text_body)![1]! }));
    await save("c@example.org", new Date(NOW.getTime() + 20 * 24 * 3600_000));
    const day31 = new Date(NOW.getTime() + 31 * 24 * 3600_000);
    // The first draft's two counts (IP and address) are older than every window: gone as well.
    expect(await housekeeping(db, day31, true)).toEqual({ drafts: 2, sessions: 0, rateLimitEvents: 2 });
    expect(await db.selectFrom("drafts").select("email").execute()).toEqual([{ email: "c@example.org" }]);
    // Run again within the hour: nothing to do, and it does not even look.
    expect(await housekeeping(db, new Date(day31.getTime() + 1000))).toBeNull();
    // A year on, the counts of these drafts are gone too.
    expect(await housekeeping(db, new Date(NOW.getTime() + 365 * 24 * 3600_000))).toMatchObject({ drafts: 1, rateLimitEvents: 4 });
    expect(await db.selectFrom("rate_limit_events").select("id").execute()).toHaveLength(0);
  });
});

describe("the audit log", () => {
  it("cannot be changed or emptied", async () => {
    await submitApplication(db, input(), ctx());
    await expect(sql`update audit_log set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    // PostgreSQL can also empty a table without deleting row by row; SQLite has no TRUNCATE.
    if (TEST_ENGINE === "postgres") await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await count(db, "audit_log")).toBe(1);
  });
});
