// The status page /status/:token, called as Remix calls it: what its loader returns is serialised
// into the page, so contact data and internal ids must not be in it at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeDb, get, run, identifiersIn } from "../support/route-env";
import { submitApplication } from "~/models/applications.server";
import { createTestUser } from "../support/test-db";
import type { ApplicationInput } from "~/forms/application-schema";
import { applicationInput, submitContext } from "../support/applications";
import type { DB } from "~/services/db.server";
import * as statusRoute from "~/routes/status.$token";

let db: DB;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await routeDb());
});
afterAll(async () => cleanup());

const NOW = new Date();

const input = (overrides: Partial<ApplicationInput> = {}) =>
  applicationInput({ name: "Sanne Geheim", email: "sanne.geheim@example.org", phone: "0612345678", title: `Samen koken ${Math.random()}`, ...overrides });

/** Submits an application (by a supporter, so both e-mail and phone are stored) and returns its status token. */
async function submitted(overrides: Partial<ApplicationInput> = {}) {
  const supporter = await createTestUser(db, {
    email: `werker-${Math.random()}@example.org`,
    name: "Youssef Werker",
    roles: ["supporter"],
    at: NOW.toISOString(),
  });
  const user = { id: supporter, email: "werker@example.org", name: "Youssef Werker", roles: ["supporter" as const], organisationId: null };
  const { reference } = await submitApplication(db, input(overrides), submitContext({ user, onBehalf: true, now: NOW }));
  const mail = await db
    .selectFrom("outbox")
    .select("text_body")
    .where("template", "=", "application-received")
    .orderBy("created_at", "desc")
    .where("text_body", "like", `%${reference}%`)
    .executeTakeFirstOrThrow();
  const token = /\/status\/([\w-]+)/.exec(mail.text_body)![1]!;
  const row = await db.selectFrom("applications").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();
  return { token, reference, row, supporter };
}

const loadStatus = (token: string) => run(() => statusRoute.loader({ request: get(`/status/${token}`), params: { token }, context: {} }));

const monthsAgo = (months: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
};

describe("the status page's loader data", () => {
  it("has what the page shows and no contact data or internal ids", async () => {
    const { token, reference, row, supporter } = await submitted();
    const { status, data } = await loadStatus(token);
    expect(status).toBe(200);
    const text = JSON.stringify(data);
    expect(text).toContain(reference);
    expect(text).toContain("Elke maand koken we met buren.");
    for (const secret of [
      row.id,
      row.applicant_email,
      row.applicant_phone,
      row.applicant_user_id,
      supporter,
      row.status_token_hash,
      row.content_hash,
      "Sanne Geheim",
      "Youssef Werker",
    ].filter((v): v is string => !!v)) {
      expect(text, secret).not.toContain(secret);
    }
    expect(identifiersIn(data)).toEqual({ emails: [], uuids: [], hashes: [] });
    expect(text).not.toMatch(/ownerUserIds|applicantEmail|applicantPhone|"id"/);
  });

  it("answers an unknown token with 404", async () => {
    expect((await loadStatus("no-such-token")).status).toBe(404);
  });
});

describe("the status link as a capability", () => {
  it("tells the browser not to pass the link on and search engines not to index it", async () => {
    const headers = new Headers(
      statusRoute.headers!({ loaderHeaders: new Headers(), parentHeaders: new Headers(), actionHeaders: new Headers(), errorHeaders: undefined }),
    );
    expect(headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(headers.get("X-Robots-Tag")).toBe("noindex");
    const meta = (statusRoute.meta as unknown as (args: { matches: unknown[] }) => { name?: string; content?: string }[])({ matches: [] });
    expect(meta).toContainEqual({ name: "robots", content: "noindex" });
  });

  it("keeps working while the application is open, and up to 12 months after it was closed", async () => {
    const open = await submitted();
    expect((await loadStatus(open.token)).status).toBe(200);
    const closed = await submitted();
    await db
      .updateTable("applications")
      .set({ status: "closed", closed_at: monthsAgo(11) })
      .where("id", "=", closed.row.id)
      .execute();
    expect((await loadStatus(closed.token)).status).toBe(200);
  });

  it("stops working 12 months after the application was closed: 410, with nothing of the application in it", async () => {
    const { token, row } = await submitted();
    await db
      .updateTable("applications")
      .set({ status: "closed", closed_at: monthsAgo(13) })
      .where("id", "=", row.id)
      .execute();
    const result = await loadStatus(token);
    expect(result.status).toBe(410);
    expect(JSON.stringify(result.data)).not.toContain(row.title);
    expect(result.data).not.toContain(row.reference);
  });

  it("also ends for a declined application whose closing date is not stored, counted from its last change", async () => {
    const { token, row } = await submitted();
    await db
      .updateTable("applications")
      .set({ status: "declined", closed_at: null, updated_at: monthsAgo(13) })
      .where("id", "=", row.id)
      .execute();
    expect((await loadStatus(token)).status).toBe(410);
  });
});
