// The outbox delivered through a real SMTP server on loopback, and read back.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { freshDb, count } from "../support/test-db";
import { startInbox, type Inbox } from "../support/smtp-inbox";
import { enqueueMail, listDeadLetters, outboxCounts, requeueDeadLetter } from "~/models/outbox.server";
import { deliverDueMails, purgeOldMail, senderFor, smtpSender, smtpTransportOptions } from "~/services/mail.server";
import { MAX_DELIVERY_ATTEMPTS } from "~/domain/mail-delivery";
import { renderSignInMail } from "../../emails/sign-in";
import { renderApplicationReceivedMail } from "../../emails/application-received";
import { translator } from "~/i18n/translate";
import type { DB } from "~/services/db.server";

let inbox: Inbox;
beforeAll(async () => {
  inbox = await startInbox();
});
afterAll(() => inbox.close());

let db: DB;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  // No pots: these tests count every audit row.
  ({ db, cleanup } = await freshDb({ funding: false }));
  inbox.received.length = 0;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await cleanup();
});

// The application's own SMTP sender, pointed at the capture server (or at a closed port).
const smtp = (toPort: number) => smtpSender(`smtp://127.0.0.1:${toPort}`, "Inwonersfonds <fonds@example.org>");
const t = translator("nl");
const NOW = new Date("2026-11-23T10:00:00.000Z");
const at = (ms = 0) => new Date(NOW.getTime() + ms);
const DAY = 24 * 60 * 60 * 1000;

async function queueStatusMail(when = NOW) {
  const rendered = renderApplicationReceivedMail(t, {
    name: "Sanne",
    title: "Samen koken",
    reference: "IF-2026-0001",
    statusUrl: "https://fonds.example/status/geheim-status-token",
  });
  return db.transaction().execute((trx) => enqueueMail(trx, { to: "sanne@example.org", template: "application-received", rendered, at: when.toISOString() }));
}

describe("the outbox", () => {
  it("delivers a queued mail through SMTP and marks it sent", async () => {
    const rendered = renderSignInMail(t, { code: "123456", link: "https://fonds.example/inloggen/link/abc" });
    await db
      .transaction()
      .execute((trx) => enqueueMail(trx, { to: "bewoner@example.org", template: "sign-in", rendered, at: new Date(Date.now() - 1000).toISOString() }));
    expect(await deliverDueMails(db, smtp(inbox.port))).toEqual({ sent: 1, failed: 0, deadLetters: 0, expired: 0 });
    expect(inbox.received).toHaveLength(1);
    expect(inbox.received[0]!.subject).toBe("Uw code om in te loggen: 123456");
    expect(inbox.received[0]!.text).toContain("https://fonds.example/inloggen/link/abc");
    expect(inbox.received[0]!.html).toContain('href="https://fonds.example/inloggen/link/abc"');
    const row = await db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
    expect(await deliverDueMails(db, smtp(inbox.port))).toEqual({ sent: 0, failed: 0, deadLetters: 0, expired: 0 });
  });

  it("clears a delivered mail's subject and body, so its status link is not kept", async () => {
    await queueStatusMail();
    await deliverDueMails(db, smtp(inbox.port), () => at(1000));
    expect(inbox.received[0]!.text).toContain("/status/geheim-status-token");
    const row = await db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", subject: "", text_body: "", html_body: "", template: "application-received", to_address: "sanne@example.org" });
    expect(JSON.stringify(row)).not.toContain("geheim-status-token");
  });

  it("keeps the mail when the SMTP server is down and sends it on a later round", async () => {
    const rendered = renderSignInMail(t, { code: "654321", link: "https://fonds.example/x" });
    await db
      .transaction()
      .execute((trx) => enqueueMail(trx, { to: "bewoner@example.org", template: "sign-in", rendered, at: new Date(Date.now() - 1000).toISOString() }));
    // Port 1 on loopback refuses connections.
    expect(await deliverDueMails(db, smtp(1))).toEqual({ sent: 0, failed: 1, deadLetters: 0, expired: 0 });
    const failed = await db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed.last_error).toBeTruthy();
    expect(failed.text_body).toContain("654321");
    expect(Date.parse(failed.next_attempt_at)).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: nothing happens.
    expect((await deliverDueMails(db, smtp(inbox.port))).sent).toBe(0);
    await db
      .updateTable("outbox")
      .set({ next_attempt_at: new Date(Date.now() - 1).toISOString() })
      .execute();
    expect((await deliverDueMails(db, smtp(inbox.port))).sent).toBe(1);
    expect(inbox.received.map((m) => m.subject)).toEqual(["Uw code om in te loggen: 654321"]);
  });

  it("drops a sign-in mail that could not go out before its code expired, and says so in the log", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const rendered = renderSignInMail(t, { code: "777777", link: "https://fonds.example/inloggen/link/tok" });
    await db
      .transaction()
      .execute((trx) =>
        enqueueMail(trx, { to: "bewoner@example.org", template: "sign-in", rendered, at: NOW.toISOString(), expiresAt: at(15 * 60_000).toISOString() }),
      );
    // Tries 1–4 fail; after the fifth the next try (8 minutes on) would come after the code's end.
    let clock = NOW;
    for (let i = 0; i < 5; i++) {
      await deliverDueMails(db, smtp(1), () => clock);
      const row = await db.selectFrom("outbox").select(["next_attempt_at", "status"]).executeTakeFirstOrThrow();
      if (row.status !== "pending") break;
      clock = new Date(row.next_attempt_at);
    }
    const row = await db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "expired", attempts: 5, subject: "", text_body: "", html_body: "" });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/^\[mail\] dropped .* \(sign-in\) to b…@example\.org after 5 tries: /);
    expect(String(warn.mock.calls[0]![0])).not.toContain("bewoner@");
    expect(await outboxCounts(db)).toEqual({ pending: 0, deadLetters: 0 });
  });
});

describe("dead letters", () => {
  async function exhaust(id: string) {
    await db
      .updateTable("outbox")
      .set({ attempts: MAX_DELIVERY_ATTEMPTS - 1 })
      .where("id", "=", id)
      .execute();
    return deliverDueMails(db, smtp(1), () => at(1000));
  }

  it("makes a dead letter of a mail after its last try, with one log line", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const id = await queueStatusMail();
    expect(await exhaust(id)).toEqual({ sent: 0, failed: 1, deadLetters: 1, expired: 0 });
    const row = await db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS, last_attempt_at: at(1000).toISOString() });
    // Never delivered, so the body stays: it is needed to send it again.
    expect(row.text_body).toContain("geheim-status-token");
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]![0])).toMatch(
      new RegExp(`^\\[mail\\] dead letter ${id} \\(application-received\\) to s…@example\\.org after 20 tries: .*ECONNREFUSED`),
    );
    // No more tries, and no second log line.
    expect(await deliverDueMails(db, smtp(inbox.port), () => at(DAY))).toEqual({ sent: 0, failed: 0, deadLetters: 0, expired: 0 });
    expect(error).toHaveBeenCalledTimes(1);
    expect(await outboxCounts(db)).toEqual({ pending: 0, deadLetters: 1 });
  });

  it("lists dead letters for the fund administrator without the body or the full address", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const id = await queueStatusMail();
    await queueStatusMail(); // still pending: not a dead letter
    await exhaust(id);
    const { rows, total } = await listDeadLetters(db);
    expect(total).toBe(1);
    expect(rows).toEqual([
      {
        id,
        to: "s…@example.org",
        template: "application-received",
        subject: "Wij hebben uw aanvraag IF-2026-0001 ontvangen",
        lastError: expect.stringContaining("ECONNREFUSED"),
        attempts: MAX_DELIVERY_ATTEMPTS,
        createdAt: NOW.toISOString(),
        lastAttemptAt: at(1000).toISOString(),
      },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/sanne@|geheim-status-token/);
  });

  it("masks addresses that the SMTP server quotes in its error", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const id = await queueStatusMail();
    await exhaust(id);
    await db.updateTable("outbox").set({ last_error: "550 5.1.1 <sanne@example.org>: Recipient address rejected (sanne@example.org)" }).execute();
    const [row] = (await listDeadLetters(db)).rows;
    expect(row!.lastError).toBe("550 5.1.1 <s…@example.org>: Recipient address rejected (s…@example.org)");
  });

  it("sends a dead letter again on request, with an audit row, then clears it", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const id = await queueStatusMail();
    await exhaust(id);
    const actor = { userId: "u-admin", label: "fondsbeheer@example.org" };
    expect(await requeueDeadLetter(db, { id, actor, at: at(2000).toISOString() })).toBe(true);
    expect(await db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow()).toMatchObject({
      status: "pending",
      attempts: 0,
      next_attempt_at: at(2000).toISOString(),
    });
    const audit = await db.selectFrom("audit_log").selectAll().where("entity_type", "=", "outbox").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "outbox.requeued",
      entity_id: id,
      actor_user_id: "u-admin",
      actor_label: "fondsbeheer@example.org",
      at: at(2000).toISOString(),
    });
    expect(JSON.parse(audit[0]!.before_json!)).toEqual({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS, template: "application-received" });
    // Sending it again once more does nothing: it is no dead letter any more.
    expect(await requeueDeadLetter(db, { id, actor, at: at(2500).toISOString() })).toBe(false);
    expect(await count(db, "audit_log")).toBe(1);
    expect((await deliverDueMails(db, smtp(inbox.port), () => at(3000))).sent).toBe(1);
    expect(inbox.received[0]!.text).toContain("/status/geheim-status-token");
    expect(await db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow()).toMatchObject({ status: "sent", text_body: "" });
  });

  it("does not resend a mail that is not a dead letter", async () => {
    const id = await queueStatusMail();
    const actor = { userId: "u-admin", label: "fondsbeheer@example.org" };
    expect(await requeueDeadLetter(db, { id, actor, at: at(1).toISOString() })).toBe(false);
    expect(await requeueDeadLetter(db, { id: "bestaat-niet", actor, at: at(1).toISOString() })).toBe(false);
    expect(await count(db, "audit_log")).toBe(0);
  });
});

describe("retention", () => {
  it("deletes delivered and dropped mails after the retention period, keeps waiting mail and dead letters", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const old = at(-31 * DAY);
    const delivered = await queueStatusMail(old);
    await deliverDueMails(db, smtp(inbox.port), () => old);
    const recent = await queueStatusMail(at(-29 * DAY));
    await deliverDueMails(db, smtp(inbox.port), () => at(-29 * DAY));
    const dead = await queueStatusMail(old);
    await db.updateTable("outbox").set({ status: "failed" }).where("id", "=", dead).execute();
    const waiting = await queueStatusMail(old);
    await db
      .updateTable("outbox")
      .set({ next_attempt_at: at(DAY).toISOString() })
      .where("id", "=", waiting)
      .execute();
    const dropped = await db.transaction().execute((trx) =>
      enqueueMail(trx, {
        to: "x@example.org",
        template: "sign-in",
        rendered: renderSignInMail(t, { code: "1", link: "l" }),
        at: old.toISOString(),
        expiresAt: old.toISOString(),
      }),
    );
    vi.spyOn(console, "warn").mockImplementation(() => {});
    await deliverDueMails(db, smtp(inbox.port), () => old);

    expect(await purgeOldMail(db, NOW, 30)).toBe(2);
    const left = await db.selectFrom("outbox").select("id").orderBy("id").execute();
    expect(left.map((r) => r.id).sort()).toEqual([recent, dead, waiting].sort());
    expect(left.map((r) => r.id)).not.toContain(delivered);
    expect(left.map((r) => r.id)).not.toContain(dropped);
    expect(await purgeOldMail(db, NOW, 30)).toBe(0);
  });
});

describe("SMTP transport", () => {
  const opts = (url: string, allowInsecure = false) => smtpTransportOptions(url, { allowInsecure });

  it("requires STARTTLS for a server that is not on this machine", () => {
    expect(opts("smtp://user:p%40ss@mail.example.org:587")).toMatchObject({
      host: "mail.example.org",
      port: 587,
      secure: false,
      requireTLS: true,
      ignoreTLS: false,
      auth: { user: "user", pass: "p@ss" },
      tls: { minVersion: "TLSv1.2" },
    });
    expect(opts("smtp://10.0.0.5")).toMatchObject({ port: 25, requireTLS: true, ignoreTLS: false });
    expect(opts("smtp://[2001:db8::1]:587")).toMatchObject({ host: "2001:db8::1", requireTLS: true });
  });

  it("uses TLS from the start for smtps", () => {
    expect(opts("smtps://mail.example.org")).toMatchObject({ port: 465, secure: true, requireTLS: false, ignoreTLS: false });
    expect(opts("smtps://127.0.0.1:2465")).toMatchObject({ port: 2465, secure: true, ignoreTLS: false });
  });

  it("skips STARTTLS only on loopback", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "[::1]"]) {
      expect(opts(`smtp://${host}:2525`), host).toMatchObject({ requireTLS: false, ignoreTLS: true, secure: false });
    }
    for (const host of ["127.0.0.1.example.org", "localhost.example.org", "128.0.0.1", "[::2]"]) {
      expect(opts(`smtp://${host}:2525`), host).toMatchObject({ requireTLS: true, ignoreTLS: false });
    }
  });

  it("allows plain SMTP to another machine only when SMTP_ALLOW_INSECURE says so", () => {
    expect(opts("smtp://mail.example.org:25", true)).toMatchObject({ requireTLS: false, ignoreTLS: false, secure: false });
  });

  it("refuses other schemes", () => {
    expect(() => opts("http://mail.example.org")).toThrow(/smtp:\/\/ or smtps:\/\//);
  });

  // A real server without STARTTLS on this machine's own network address (not loopback).
  const lan = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

  it.skipIf(!lan)("does not send a mail in plain text to a server on the network", async () => {
    const open = await startInbox("0.0.0.0");
    try {
      const url = `smtp://${lan}:${open.port}`;
      await queueStatusMail();
      const strict = await deliverDueMails(db, smtpSender(url, "fonds@example.org"), () => at(1000));
      expect(strict).toMatchObject({ sent: 0, failed: 1 });
      expect(open.received).toHaveLength(0);
      expect((await db.selectFrom("outbox").select("last_error").executeTakeFirstOrThrow()).last_error).toMatch(/STARTTLS/);

      await db
        .updateTable("outbox")
        .set({ next_attempt_at: at(1000).toISOString() })
        .execute();
      const allowed = await deliverDueMails(db, smtpSender(url, "fonds@example.org", { allowInsecure: true }), () => at(2000));
      expect(allowed).toMatchObject({ sent: 1 });
      expect(open.received).toHaveLength(1);
    } finally {
      await open.close();
    }
  });
});

describe("without SMTP (mail written to files)", () => {
  async function deliverToFolder(nodeEnv: string) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "inwonersfonds-mail-"));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const rendered = renderSignInMail(t, { code: "482913", link: "https://fonds.example/inloggen/link/folder-token" });
    await db
      .transaction()
      .execute((trx) =>
        enqueueMail(trx, { to: "bewoner@example.org", template: "sign-in", rendered, at: NOW.toISOString(), expiresAt: at(60_000).toISOString() }),
      );
    const send = senderFor({ smtpUrl: undefined, smtpAllowInsecure: false, mailFrom: "fonds@example.org", dataDir, nodeEnv });
    expect((await deliverDueMails(db, send, () => at(1000))).sent).toBe(1);
    const files = fs.readdirSync(path.join(dataDir, "outbox"));
    fs.rmSync(dataDir, { recursive: true, force: true });
    return { printed: log.mock.calls.map((c) => c.join(" ")).join("\n"), files };
  }

  it("never prints codes or links on the console in production", async () => {
    const { printed, files } = await deliverToFolder("production");
    expect(files).toHaveLength(1);
    expect(printed).not.toContain("482913");
    expect(printed).not.toContain("folder-token");
    expect(printed).toContain("sign-in to b…@example.org");
  });

  it("prints the mail in development, for the demo sign-in", async () => {
    const { printed } = await deliverToFolder("development");
    expect(printed).toContain("482913");
    expect(printed).toContain("https://fonds.example/inloggen/link/folder-token");
  });
});
