import fs from "node:fs";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDb, count } from "../support/test-db";
import { startInbox, recipients, type Inbox } from "../support/smtp-inbox";
import nodemailer from "nodemailer";
import { deliverDueMails, smtpTransportOptions, type Sender } from "~/services/mail.server";
import { translator } from "~/i18n/translate";
import { issueLoginCode, verifyLoginCode, verifyLoginLink, CODE_LIFETIME_MS, MAX_CODES_PER_ADDRESS, MAX_CODES_PER_IP } from "~/models/login-codes.server";
import { getUserById } from "~/models/users.server";
import type { DB } from "~/services/db.server";

const t = translator("nl");
const NOW = new Date("2026-11-23T10:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

let db: DB;
let file: string;
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
  const mail = inbox.received.slice(known).find((m) => recipients(m).includes(email.toLowerCase()));
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
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    const raw = fs.readFileSync(file);
    expect(raw.includes(token)).toBe(false);
    expect(raw.includes(`inloggen: ${code}`)).toBe(false);
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
    expect((await requestCode()).result).toEqual({ ok: false, reason: "rate_limited" });
    expect(await count(db, "login_codes")).toBe(MAX_CODES_PER_ADDRESS);
    // After a quarter of an hour the address may ask again.
    expect((await requestCode("bewoner@example.org", "1.2.3.4", later(CODE_LIFETIME_MS + 1))).result.ok).toBe(true);
    // One shared address (a community centre's wifi) may ask for many different residents.
    for (let i = 0; i < MAX_CODES_PER_IP - 1; i++) expect((await requestCode(`other${i}@example.org`, "9.9.9.9")).result.ok).toBe(true);
    expect((await requestCode("last@example.org", "9.9.9.9")).result).toEqual({ ok: true });
    expect((await requestCode("blocked@example.org", "9.9.9.9")).result).toEqual({ ok: false, reason: "rate_limited" });
  });
});
