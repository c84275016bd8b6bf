// "Mijn aanvragen" and one's own application, called as Remix calls their loaders: the owner may
// see their own contact data, but no internal ids (application id, user ids) and no hashes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeDb, get, run, identifiersIn, signedInCookie } from "../support/route-env";
import { submitApplication } from "~/models/applications.server";
import { getUserById } from "~/models/users.server";
import { createTestUser } from "../support/test-db";
import type { ApplicationInput } from "~/forms/application-schema";
import { applicationInput, submitContext } from "../support/applications";
import type { DB } from "~/services/db.server";
import * as mineList from "~/routes/mijn-aanvragen._index";
import * as mineDetail from "~/routes/mijn-aanvragen.$reference";

let db: DB;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await routeDb());
});
afterAll(async () => cleanup());

const NOW = new Date();
const at = NOW.toISOString();

const input = (overrides: Partial<ApplicationInput> = {}) =>
  applicationInput({ name: "Sanne Eigen", email: "sanne.eigen@example.org", title: `Samen koken ${Math.random()}`, ...overrides });

const ctx = submitContext({ now: NOW });

async function internalValues(): Promise<string[]> {
  const apps = await db
    .selectFrom("applications")
    .select(["id", "applicant_user_id", "submitted_by_user_id", "status_token_hash", "content_hash", "submission_key"])
    .execute();
  const users = await db.selectFrom("users").select("id").execute();
  return [
    ...apps.flatMap((a) => [a.id, a.applicant_user_id, a.submitted_by_user_id, a.status_token_hash, a.content_hash, a.submission_key]),
    ...users.map((u) => u.id),
  ].filter((v): v is string => !!v);
}

describe("a resident's pages", () => {
  it("list and detail carry no internal ids and no one else's data", async () => {
    const { reference } = await submitApplication(db, input(), { ...ctx, user: null });
    await submitApplication(db, input({ name: "Ander Persoon", email: "ander@example.org", title: "Iets anders" }), { ...ctx, user: null });
    // The resident signed in once with her address (no account is made at submit).
    const owner = { id: await createTestUser(db, { email: "sanne.eigen@example.org", name: "Sanne", roles: ["resident"], at }) };
    const cookie = await signedInCookie(owner.id);

    const list = await run(() => mineList.loader({ request: get("/mijn-aanvragen", cookie), params: {}, context: {} }));
    const detail = await run(() => mineDetail.loader({ request: get(`/mijn-aanvragen/${reference}`, cookie), params: { reference }, context: {} }));
    expect(list.status).toBe(200);
    expect(detail.status).toBe(200);
    expect(JSON.stringify(list.data)).toContain(reference);
    expect(JSON.stringify(detail.data)).toContain(reference);
    const secrets = await internalValues();
    for (const data of [list.data, detail.data]) {
      const text = JSON.stringify(data);
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toContain("ander@example.org");
      expect(text).not.toContain("Iets anders");
      expect(identifiersIn(data)).toEqual({ emails: [], uuids: [], hashes: [] });
    }
  });

  it("a supporter sees the contact data of the resident they applied for, still without ids", async () => {
    const supporterId = await createTestUser(db, { email: "werker@example.org", name: "Youssef Werker", roles: ["supporter"], at });
    const supporter = (await getUserById(db, supporterId))!;
    const { reference } = await submitApplication(db, input({ email: null, phone: "0612345678", name: "Bewoner Zonder Mail" }), {
      ...ctx,
      user: supporter,
      onBehalf: true,
    });
    const cookie = await signedInCookie(supporterId);
    const detail = await run(() => mineDetail.loader({ request: get(`/mijn-aanvragen/${reference}`, cookie), params: { reference }, context: {} }));
    expect(detail.status).toBe(200);
    const text = JSON.stringify(detail.data);
    expect(text).toContain("0612345678");
    expect(text).toContain("Bewoner Zonder Mail");
    for (const secret of await internalValues()) expect(text).not.toContain(secret);
    expect(identifiersIn(detail.data).uuids).toEqual([]);
  });

  it("someone else's application is a 404, as if it did not exist", async () => {
    const { reference } = await submitApplication(db, input({ email: "derde@example.org", title: "Van een ander" }), { ...ctx, user: null });
    const stranger = await createTestUser(db, { email: "vreemde@example.org", name: "Vreemde", roles: ["resident"], at });
    const strangerCookie = await signedInCookie(stranger);
    const result = await run(() => mineDetail.loader({ request: get(`/mijn-aanvragen/${reference}`, strangerCookie), params: { reference }, context: {} }));
    expect(result.status).toBe(404);
  });
});
