import fs from "node:fs";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDb, count } from "../support/test-db";
import { startInbox, recipients, type Inbox } from "../support/smtp-inbox";
import nodemailer from "nodemailer";
import { deliverDueMails, smtpTransportOptions, type Sender } from "~/services/mail.server";
import { translator } from "~/i18n/translate";
import {
  issueLoginCode,
  verifyLoginCode,
  verifyLoginLink,
  codeLockedUntil,
  CODE_LIFETIME_MS,
  MAX_CODES_PER_ADDRESS,
  MAX_CODES_PER_IP,
} from "~/models/login-codes.server";
import { getUserById } from "~/models/users.server";
import type { DB } from "~/services/db.server";
import type { AuditAction } from "~/models/audit.server";

const t = translator("nl");
const NOW = new Date("2026-11-23T10:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

let db: DB;
let file: string | null;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, file, cleanup } = await freshDb());
});
afterEach(async () => cleanup());

// The code is read from the mail as the person gets it: delivered by the app's own SMTP sender
// to a real SMTP server on loopback (the outbox keeps no copy once it is delivered).
// The app's transport options, pooled: smtp-server waits 100 ms before greeting each new connection.
let inbox: Inbox;
let smtp: Sender;
let closeSmtp: () => void;
beforeAll(async () => {
  inbox = await startInbox();
  const transport = nodemailer.createTransport({ ...smtpTransportOptions(`smtp://127.0.0.1:${inbox.port}`, { allowInsecure: false }), pool: true });
  smtp = async (row) => {
    await transport.sendMail({ from: "fonds@example.org", to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body });
  };
  closeSmtp = () => transport.close();
});
afterAll(async () => {
  closeSmtp();
  await inbox.close();
});

async function requestCode(email = "bewoner@example.org", ip = "1.2.3.4", at = NOW) {
  const result = await issueLoginCode(db, { email, ip, now: at, t, linkBase: "https://fonds.example" });
  const known = inbox.received.length;
  await deliverDueMails(db, smtp, () => at);
  // The sign-in mail, not a lock notice that may go out in the same round.
  const mail = inbox.received.slice(known).find((m) => recipients(m).includes(email.toLowerCase()) && /\b\d{6}\b/.test(m.subject ?? ""));
  const code = mail ? /\b(\d{6})\b/.exec(mail.subject ?? "")?.[1] : undefined;
  const token = mail ? /\/inloggen\/link\/([\w-]+)/.exec(mail.text ?? "")?.[1] : undefined;
  return { result, code: code!, token: token! };
}

describe("sign-in codes", () => {
  it("stores only hashes, signs in with the mailed code once, and makes a resident account", async () => {
    const { result, code } = await requestCode("Bewoner@Example.org");
    expect(result).toEqual({ ok: true });
    const row = await db.selectFrom("login_codes").selectAll().executeTakeFirstOrThrow();
    expect(row.code_hash).not.toContain(code);
    expect(row.email).toBe("bewoner@example.org");
    const first = await verifyLoginCode(db, { email: "bewoner@example.org", code, now: later(60_000) });
    expect(first.ok).toBe(true);
    const user = await getUserById(db, (first as { userId: string }).userId);
    expect(user).toMatchObject({ email: "bewoner@example.org", roles: ["resident"] });
    expect(await verifyLoginCode(db, { email: "bewoner@example.org", code, now: later(61_000) })).toEqual({ ok: false, reason: "invalid" });
  });

  it("keeps no code, link or token in the outbox once the mail is delivered, not even in the file's free space", async () => {
    const { code, token } = await requestCode();
    expect(code).toMatch(/^\d{6}$/);
    expect(token).toBeTruthy();
    const row = await db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", template: "sign-in", subject: "", text_body: "", html_body: "" });
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain("/inloggen/link/");
    // What a copy of the database file shows (after SQLite has written its log back to the file).
    // PostgreSQL has no one file to copy; its backups (pg_dump) hold only the rows checked above.
    if (file) {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      const raw = fs.readFileSync(file);
      expect(raw.includes(token)).toBe(false);
      expect(raw.includes(`inloggen: ${code}`)).toBe(false);
    }
  });

  it("never sends a sign-in mail after its code has expired", async () => {
    await issueLoginCode(db, { email: "laat@example.org", ip: "1.2.3.4", now: NOW, t, linkBase: "https://fonds.example" });
    const known = inbox.received.length;
    const round = await deliverDueMails(db, smtp, () => later(CODE_LIFETIME_MS));
    expect(round).toMatchObject({ sent: 0, expired: 1 });
    expect(inbox.received.length).toBe(known);
    const row = await db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "expired", subject: "", text_body: "", html_body: "", expires_at: later(CODE_LIFETIME_MS).toISOString() });
  });

  it("refuses an expired code and an expired link", async () => {
    const { code, token } = await requestCode();
    expect(await verifyLoginCode(db, { email: "bewoner@example.org", code, now: later(CODE_LIFETIME_MS + 1) })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyLoginLink(db, { token, now: later(CODE_LIFETIME_MS + 1) })).toEqual({ ok: false, reason: "invalid" });
  });

  it("signs in once with the link; the link and the code are used up together", async () => {
    const { code, token } = await requestCode();
    expect((await verifyLoginLink(db, { token, now: later(1000) })).ok).toBe(true);
    expect(await verifyLoginLink(db, { token, now: later(2000) })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyLoginCode(db, { email: "bewoner@example.org", code, now: later(3000) })).toEqual({ ok: false, reason: "invalid" });
  });

  it("stops guessing after five wrong codes, even when the sixth is right", async () => {
    const { code } = await requestCode();
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      expect(await verifyLoginCode(db, { email: "bewoner@example.org", code: wrong, now: later(1000) })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await verifyLoginCode(db, { email: "bewoner@example.org", code, now: later(2000) })).toEqual({ ok: false, reason: "invalid" });
  });

  it("does not accept one address's code for another address", async () => {
    const { code } = await requestCode("a@example.org");
    expect(await verifyLoginCode(db, { email: "b@example.org", code, now: later(1000) })).toEqual({ ok: false, reason: "invalid" });
  });

  it("limits how often codes are sent per address and per IP address", async () => {
    for (let i = 0; i < MAX_CODES_PER_ADDRESS; i++) expect((await requestCode()).result.ok).toBe(true);
    expect((await requestCode()).result).toEqual({ ok: false, reason: "rate_limited", retryAt: later(CODE_LIFETIME_MS) });
    expect(await count(db, "login_codes")).toBe(MAX_CODES_PER_ADDRESS);
    // After a quarter of an hour the address may ask again.
    expect((await requestCode("bewoner@example.org", "1.2.3.4", later(CODE_LIFETIME_MS + 1))).result.ok).toBe(true);
    // One shared address (a community centre's wifi) may ask for many different residents.
    for (let i = 0; i < MAX_CODES_PER_IP - 1; i++) expect((await requestCode(`other${i}@example.org`, "9.9.9.9")).result.ok).toBe(true);
    expect((await requestCode("last@example.org", "9.9.9.9")).result).toEqual({ ok: true });
    expect((await requestCode("blocked@example.org", "9.9.9.9")).result).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const VICTIM = "beoordelaar@example.org";
const wrongFor = (code: string) => (code === "000000" ? "111111" : "000000");
const guess = (code: string, at: Date, email = VICTIM) => verifyLoginCode(db, { email, code, now: at, locale: "nl", linkBase: "https://fonds.example" });
const audit = (action: AuditAction) => db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();

describe("guessing sign-in codes", () => {
  it("only the newest code counts, so each guess has one chance in a million", async () => {
    const first = await requestCode(VICTIM);
    const second = await requestCode(VICTIM, "1.2.3.4", later(1000));
    expect(first.code).toBeDefined();
    if (first.code !== second.code) expect(await guess(first.code, later(2000))).toEqual({ ok: false, reason: "invalid" });
    expect((await guess(second.code, later(3000))).ok).toBe(true);
  });

  it("pauses the code path after 10 wrong codes in an hour, says until when, and tells the person once by mail", async () => {
    let { code } = await requestCode(VICTIM);
    for (let i = 0; i < 9; i++) {
      if (i === 5) ({ code } = await requestCode(VICTIM, "6.6.6.6", later(i * MIN)));
      expect(await guess(wrongFor(code), later(i * MIN))).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await codeLockedUntil(db, VICTIM, later(9 * MIN))).toBeNull();
    // The tenth wrong code uses up the hour: typing a code works again when the first is an hour old.
    expect(await guess(wrongFor(code), later(9 * MIN))).toEqual({ ok: false, reason: "locked", retryAt: later(HOUR) });
    expect(await codeLockedUntil(db, VICTIM, later(30 * MIN))).toEqual(later(HOUR));

    // While paused even the right code is refused, and not compared: the try is not counted.
    const fresh = await requestCode(VICTIM, "6.6.6.6", later(20 * MIN));
    expect(await guess(fresh.code, later(21 * MIN))).toEqual({ ok: false, reason: "locked", retryAt: later(HOUR) });
    const row = await db
      .selectFrom("login_codes")
      .select("attempts")
      .where("created_at", "=", later(20 * MIN).toISOString())
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(0);

    // The link in that mail still signs the person in.
    expect((await verifyLoginLink(db, { token: fresh.token, now: later(22 * MIN) })).ok).toBe(true);

    const locks = await audit("sign_in.locked");
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatchObject({ at: later(9 * MIN).toISOString(), entity_type: "sign_in_address", entity_id: VICTIM });
    expect(JSON.parse(locks[0]!.after_json!)).toEqual({ until: later(HOUR).toISOString(), path: "code" });
    const mails = await db.selectFrom("outbox").selectAll().where("template", "=", "sign-in-locked").execute();
    expect(mails).toHaveLength(1);
    // Delivered (with the next sign-in mail), so the row is cleared: read it as the person got it.
    expect(mails[0]).toMatchObject({ to_address: VICTIM, status: "sent" });
    const notice = inbox.received.find((m) => m.subject === "Inloggen met een code is even gestopt");
    expect(recipients(notice!)).toContain(VICTIM);
    expect(notice!.text).toContain("pas vanaf 23 november 2026 om 12:00 weer inloggen met een code");
    expect(notice!.text).toContain("https://fonds.example/inloggen");

    // After the hour one more try is allowed; a wrong one pauses again: a second audit row, no second mail today.
    const next = await requestCode(VICTIM, "6.6.6.6", later(HOUR));
    expect(await guess(wrongFor(next.code), later(HOUR))).toEqual({ ok: false, reason: "locked", retryAt: later(HOUR + MIN) });
    expect(await audit("sign_in.locked")).toHaveLength(2);
    expect(await db.selectFrom("outbox").select("id").where("template", "=", "sign-in-locked").execute()).toHaveLength(1);
  });

  it("lets a year of guessing at the allowed rate make at most 650 wrong guesses (under 0.1 % success)", async () => {
    // The attacker asks for codes for the victim's address and types wrong ones as fast as allowed,
    // waiting exactly as long as they are told to. The clock is ours.
    let t = NOW.getTime();
    const end = t + 365 * DAY;
    let wrong = 0;
    let code: string | null = null;
    let tries = 0;
    const waits: number[] = [];
    while (t < end && wrong <= 700) {
      if (!code || tries >= 5) {
        const issued = await requestCode(VICTIM, "6.6.6.6", new Date(t));
        if (!issued.result.ok) {
          t = (issued.result as { retryAt?: Date }).retryAt?.getTime() ?? t + CODE_LIFETIME_MS;
          continue;
        }
        ({ code } = issued);
        tries = 0;
      }
      const result = await guess(wrongFor(code), new Date(t));
      if (result.ok) throw new Error("a wrong code signed in");
      wrong++;
      tries++;
      t += 1000;
      // Told to wait: come back exactly then (with a new code, as the old one will have expired).
      if (result.reason === "locked") {
        waits.push(result.retryAt.getTime() - t);
        t = Math.max(t, result.retryAt.getTime());
        code = null;
      }
    }
    expect(wrong).toBeLessThanOrEqual(650);
    const counted = await db
      .selectFrom("rate_limit_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("bucket", "=", "sign_in.failure.address")
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(wrong);
    expect(wrong).toBeGreaterThan(600); // the budget is really used, not stuck
    // Each guess is against one fresh six-digit code: at most 650 chances in a million.
    expect(wrong / 1_000_000).toBeLessThan(0.001);
    // The waits grow: within the first hour, then most of a day, then days and weeks.
    expect(waits[0]).toBeLessThanOrEqual(HOUR);
    expect(waits.some((w) => w > 20 * HOUR && w <= DAY)).toBe(true);
    expect(Math.max(...waits)).toBeGreaterThan(6 * DAY);
  });

  it("cannot keep a person from signing in by asking for codes for their address", async () => {
    const mails = [];
    for (let i = 0; i < MAX_CODES_PER_ADDRESS; i++) mails.push(await requestCode(VICTIM, "6.6.6.6", later(i * MIN)));
    // The person asks too: refused for a while, but the newest mail (sent minutes ago) still works.
    const own = await requestCode(VICTIM, "1.2.3.4", later(6 * MIN));
    expect(own.result).toEqual({ ok: false, reason: "rate_limited", retryAt: later(CODE_LIFETIME_MS) });
    expect(own.result.ok === false && own.result.retryAt.getTime() - later(6 * MIN).getTime()).toBeLessThanOrEqual(CODE_LIFETIME_MS);
    expect((await verifyLoginLink(db, { token: mails[mails.length - 1]!.token, now: later(7 * MIN) })).ok).toBe(true);
  });
});

describe("the audit log of accounts and sign-ins", () => {
  it("records the account made at the first sign-in, and every sign-in with how", async () => {
    const { code } = await requestCode("nieuw@example.org");
    const first = await verifyLoginCode(db, { email: "nieuw@example.org", code, now: later(1000) });
    const userId = (first as { userId: string }).userId;
    const { token } = await requestCode("nieuw@example.org", "1.2.3.4", later(2000));
    await verifyLoginLink(db, { token, now: later(3000) });
    const rows = await db.selectFrom("audit_log").selectAll().where("entity_id", "=", userId).orderBy("id").execute();
    expect(rows.map((r) => [r.action, r.actor_label, r.after_json && JSON.parse(r.after_json)])).toEqual([
      ["user.created", "nieuw@example.org", { roles: ["resident"], via: "sign_in" }],
      ["user.signed_in", "nieuw@example.org", { method: "code" }],
      ["user.signed_in", "nieuw@example.org", { method: "link" }],
    ]);
    expect(await count(db, "users")).toBe(1);
  });
});
