// Two reviewers decide the same application at the same moment, through the real production
// server over HTTP (as two browsers would post their forms, JavaScript off): exactly one decision
// row, one status change, one mail to the resident; the other reviewer gets the page back with
// "Over deze aanvraag is al besloten", not a 500. Runs on both engines (the e2e suite runs twice).
// Deterministic: both posts send their headers and all of their body but the last byte, and only
// when both are in flight at the server are both finished at once. Whichever the server takes
// first wins; the test checks the outcome, whatever the order.
import http from "node:http";
import { expect, test } from "./fixtures";
import { submitAnonymously, uniqueEmail } from "./helpers";
import { mintSession, signedSessionValue } from "./minted-session";
import { one, query } from "./db";
import { allMails, waitForMail } from "../support/mailbox";

const MIRJAM = "beoordelaar@example.org";
const DAAN = "tweede.beoordelaar@example.org";

type Reply = { status: number; location: string | undefined; body: string };

/** Starts a form post and sends all but its last byte; `finish()` sends that byte and resolves with the reply. */
function heldPost(path: string, cookie: string, fields: Record<string, string>) {
  const base = new URL(process.env.E2E_BASE_URL!);
  const body = Buffer.from(new URLSearchParams(fields).toString());
  let resolveReply!: (reply: Reply) => void;
  let rejectReply!: (error: Error) => void;
  const reply = new Promise<Reply>((resolve, reject) => ((resolveReply = resolve), (rejectReply = reject)));
  const request = http.request({
    host: base.hostname,
    port: base.port,
    path,
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Length": String(body.length),
      Cookie: `__session=${cookie}`,
      Origin: base.origin,
    },
  });
  request.on("response", (response) => {
    const chunks: Buffer[] = [];
    response.on("data", (c: Buffer) => chunks.push(c));
    response.on("end", () =>
      resolveReply({ status: response.statusCode ?? 0, location: response.headers.location, body: Buffer.concat(chunks).toString("utf8") }),
    );
    response.on("error", rejectReply);
  });
  request.on("error", rejectReply);
  const inFlight = new Promise<void>((resolve) => request.write(body.subarray(0, body.length - 1), () => resolve()));
  return {
    inFlight,
    finish: () => {
      request.end(body.subarray(body.length - 1));
      return reply;
    },
  };
}

async function cookieOf(email: string): Promise<string> {
  return signedSessionValue(await mintSession(email));
}

test("twee beoordelaars besluiten tegelijk: één besluit, één e-mail; de ander ziet 'al besloten'", async ({ browser }) => {
  // A resident applies through the form (JavaScript off).
  const { values, reference } = await submitAnonymously(browser, { email: uniqueEmail("race"), title: `Race ${Date.now()}` });
  const email = values.email.toLowerCase();
  const path = `/beheer/aanvragen/${reference}`;

  // Mirjam takes it; then she approves and Daan declines, at the same moment.
  const [mirjam, daan] = [await cookieOf(MIRJAM), await cookieOf(DAAN)];
  const took = heldPost(path, mirjam, { intent: "take" });
  await took.inFlight;
  expect((await took.finish()).status).toBe(303);

  const approve = heldPost(path, mirjam, { intent: "approve", amount: "200" });
  const decline = heldPost(path, daan, { intent: "decline", reason: "Past niet bij het fonds.", alternatives: "Vraag het buurthuis om een ruimte." });
  await Promise.all([approve.inFlight, decline.inFlight]);
  const replies = await Promise.all([approve.finish(), decline.finish()]);

  const won = replies.filter((r) => r.status === 303);
  const lost = replies.filter((r) => r.status !== 303);
  expect(won, JSON.stringify(replies.map((r) => r.status))).toHaveLength(1);
  expect(won[0]!.location).toBe(path);
  expect(lost).toHaveLength(1);
  expect(lost[0]!.status).toBe(409);
  expect(lost[0]!.body).toContain("Over deze aanvraag is al besloten.");
  const approved = replies[0]!.status === 303;

  // The database: one decision row, one status change, one decision mail in the outbox.
  const app = await one<{ id: string; status: string }>("SELECT id, status FROM applications WHERE reference = ?", [reference]);
  expect(app!.status).toBe(approved ? "approved" : "declined");
  const decisions = await query<{ action: string }>("SELECT action FROM application_decisions WHERE application_id = ?", [app!.id]);
  expect(decisions.map((d) => d.action)).toEqual([approved ? "approve" : "decline"]);
  const changes = await query<{ action: string }>(
    "SELECT action FROM audit_log WHERE entity_id = ? AND action IN ('application.approved', 'application.declined') ORDER BY id",
    [app!.id],
  );
  expect(changes.map((c) => c.action)).toEqual([approved ? "application.approved" : "application.declined"]);
  const outbox = await query("SELECT id FROM outbox WHERE to_address = ? AND template = 'decision'", [email]);
  expect(outbox).toHaveLength(1);

  // And the resident's mailbox: one mail with the decision, after the worker has sent it.
  const subject = approved ? new RegExp(`^Goed nieuws: uw aanvraag ${reference} is goedgekeurd$`) : new RegExp(`^Uw aanvraag ${reference} is afgewezen$`);
  await waitForMail(email, subject);
  await expect
    .poll(async () => (await query("SELECT id FROM outbox WHERE template = 'decision' AND to_address = ? AND status <> 'sent'", [email])).length)
    .toBe(0);
  const decisionMails = allMails().filter((m) => m.to.includes(email) && /goedgekeurd|afgewezen/.test(m.subject));
  expect(decisionMails.map((m) => m.subject)).toHaveLength(1);
});
