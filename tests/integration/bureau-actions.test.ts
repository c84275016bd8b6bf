// Bureau actions posted as Remix posts them, on a fresh SQLite file: an unknown intent is 400 and
// writes nothing, a refusal comes back as a form error, and a success redirects with a one-time
// notice that the bureau's layout shows once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { routeDb, get, run, signedInCookie } from "../support/route-env";
import { createTestUser } from "../support/test-db";
import type { DB } from "~/services/db.server";
import * as mailPage from "~/routes/beheer.mail";
import * as bureauLayout from "~/routes/beheer";

let db: DB;
let cleanup: () => Promise<void>;
let admin: string;
let reviewer: string;

beforeAll(async () => {
  ({ db, cleanup } = await routeDb());
  const at = new Date().toISOString();
  admin = await signedInCookie(await createTestUser(db, { email: "fonds@example.org", name: "Fonds", roles: ["fund_admin", "reviewer"], at }));
  reviewer = await signedInCookie(await createTestUser(db, { email: "mirjam@example.org", name: "Mirjam", roles: ["reviewer"], at }));
});
afterAll(() => cleanup());

async function deadLetter(): Promise<string> {
  const id = crypto.randomUUID();
  const at = new Date(Date.now() - 3600_000).toISOString();
  await db
    .insertInto("outbox")
    .values({
      id,
      to_address: "x@example.org",
      template: "application-received",
      subject: "Onderwerp",
      text_body: "tekst",
      html_body: "<p>tekst</p>",
      status: "failed",
      attempts: 20,
      next_attempt_at: at,
      last_error: "550",
      created_at: at,
      sent_at: null,
      expires_at: null,
      last_attempt_at: at,
    } as never)
    .execute();
  return id;
}

function post(cookie: string, fields: Record<string, string>): Request {
  return new Request("http://localhost:3000/beheer/mail", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

const status = async (id: string) => (await db.selectFrom("outbox").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
const audits = async (id: string) => (await db.selectFrom("audit_log").selectAll().where("entity_id", "=", id).execute()).length;

describe("/beheer/mail action", () => {
  it("answers an unknown or missing intent with 400 and leaves the mail as it was", async () => {
    const id = await deadLetter();
    for (const fields of [{ intent: "delete", id }, { id }, { intent: "", id }] as Record<string, string>[]) {
      const result = await run(() => mailPage.action({ request: post(admin, fields), params: {}, context: {} }));
      expect(result.status, JSON.stringify(fields)).toBe(400);
    }
    expect(await status(id)).toBe("failed");
    expect(await audits(id)).toBe(0);
  });

  it("still checks its own permission, whatever the layout lets through", async () => {
    const id = await deadLetter();
    expect((await run(() => mailPage.action({ request: post(reviewer, { intent: "resend", id }), params: {}, context: {} }))).status).toBe(403);
    expect((await run(() => mailPage.loader({ request: get("/beheer/mail", reviewer), params: {}, context: {} }))).status).toBe(403);
    // The layout itself lets a reviewer in (their menu), without the mail page in it.
    const layout = await run(() => bureauLayout.loader({ request: get("/beheer/mail", reviewer), params: {}, context: {} }));
    expect(layout.status).toBe(200);
    expect(JSON.stringify(layout.data)).not.toContain("/beheer/mail");
    expect(await status(id)).toBe("failed");
  });

  it("shows a refusal as the form's own error, in the catalogue's words (409)", async () => {
    const result = await run(() => mailPage.action({ request: post(admin, { intent: "resend", id: "not-a-mail" }), params: {}, context: {} }));
    expect(result.status).toBe(409);
    expect((result.data as { result: { error: Record<string, string[]> } }).result.error[""]).toEqual([
      "Deze e-mail staat niet meer in de lijst. Misschien heeft iemand hem al opnieuw verstuurd.",
    ]);
  });

  it("sends again, redirects (303) with a notice the layout shows once", async () => {
    const id = await deadLetter();
    const result = await run(() => mailPage.action({ request: post(admin, { intent: "resend", id }), params: {}, context: {} }));
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe("/beheer/mail");
    expect(await status(id)).toBe("pending");
    const layout = () => run(() => bureauLayout.loader({ request: get("/beheer/mail", admin), params: {}, context: {} }));
    expect((await layout()).data).toMatchObject({
      notice: "mailAdmin.resent",
      menu: [{ to: "/beheer/aanvragen" }, { to: "/beheer/geld" }, { to: "/beheer/mail" }],
    });
    expect((await layout()).data).toMatchObject({ notice: null });
  });
});
