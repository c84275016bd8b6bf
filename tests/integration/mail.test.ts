// The outbox delivered through a real SMTP server on loopback, and read back.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { freshDb } from "../support/test-db";
import { enqueueMail } from "~/models/outbox.server";
import { deliverDueMails, smtpSender } from "~/services/mail.server";
import { renderSignInMail } from "../../emails/sign-in";
import { translator } from "~/i18n/translate";
import type { DB } from "~/services/db.server";

const received: ParsedMail[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, _s, done) {
      simpleParser(stream).then((m) => {
        received.push(m);
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let db: DB;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await freshDb());
  received.length = 0;
});
afterEach(async () => cleanup());

// The application's own SMTP sender, pointed at the capture server (or at a closed port).
const smtp = (toPort: number) => smtpSender(`smtp://127.0.0.1:${toPort}`, "Inwonersfonds <fonds@example.org>");

describe("the outbox", () => {
  it("delivers a queued mail through SMTP and marks it sent", async () => {
    const rendered = renderSignInMail(translator("nl"), { code: "123456", link: "https://fonds.example/inloggen/link/abc" });
    await enqueueMail(db, { to: "bewoner@example.org", template: "sign-in", rendered, at: new Date(Date.now() - 1000).toISOString() });
    expect(await deliverDueMails(db, smtp(port))).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.subject).toBe("Uw code om in te loggen: 123456");
    expect(received[0]!.text).toContain("https://fonds.example/inloggen/link/abc");
    expect(received[0]!.html).toContain('href="https://fonds.example/inloggen/link/abc"');
    const row = await db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
    expect(await deliverDueMails(db, smtp(port))).toEqual({ sent: 0, failed: 0 });
  });

  it("keeps the mail when the SMTP server is down and sends it on a later round", async () => {
    const rendered = renderSignInMail(translator("nl"), { code: "654321", link: "https://fonds.example/x" });
    await enqueueMail(db, { to: "bewoner@example.org", template: "sign-in", rendered, at: new Date(Date.now() - 1000).toISOString() });
    // Port 1 on loopback refuses connections.
    expect(await deliverDueMails(db, smtp(1))).toEqual({ sent: 0, failed: 1 });
    const failed = await db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed.last_error).toBeTruthy();
    expect(Date.parse(failed.next_attempt_at)).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: nothing happens.
    expect(await deliverDueMails(db, smtp(port))).toEqual({ sent: 0, failed: 0 });
    await db.updateTable("outbox").set({ next_attempt_at: new Date(Date.now() - 1).toISOString() }).execute();
    expect(await deliverDueMails(db, smtp(port))).toEqual({ sent: 1, failed: 0 });
    expect(received.map((m) => m.subject)).toEqual(["Uw code om in te loggen: 654321"]);
  });
});
