// The bureau's pages, called as Remix calls their loaders: opening an application with a
// resident's contact data leaves an audit row (who, when, which application), and no query
// parameter a visitor can type gives a 5xx.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeDb, get, run, signedInCookie } from "../support/route-env";
import { submitApplication } from "~/models/applications.server";
import { createTestUser } from "../support/test-db";
import { applicationInput, submitContext } from "../support/applications";
import type { DB } from "~/services/db.server";
import * as bureauList from "~/routes/beheer.aanvragen._index";
import * as bureauDetail from "~/routes/beheer.aanvragen.$reference";

let db: DB;
let cleanup: () => Promise<void>;
let reviewerId: string;
let reviewer: string;
let reference: string;
beforeAll(async () => {
  ({ db, cleanup } = await routeDb());
  const at = new Date().toISOString();
  reviewerId = await createTestUser(db, { email: "mirjam@example.org", name: "Mirjam Kool", roles: ["reviewer"], at });
  reviewer = await signedInCookie(reviewerId);
  // Three residents, each with their own idea and amount.
  const input = (n: number) =>
    applicationInput({
      submissionKey: `key-${n}`,
      name: `Bewoner ${n}`,
      email: `bewoner${n}@example.org`,
      title: `Idee ${n}`,
      factorIds: ["ontmoeting"],
      amount: 1000 + n,
      requestedCents: 1000 + n,
      costLines: [],
    });
  for (let n = 1; n <= 3; n++) {
    ({ reference } = await submitApplication(db, input(n), submitContext()));
  }
});
afterAll(async () => cleanup());

const views = () => db.selectFrom("audit_log").selectAll().where("action", "=", "personal_data.viewed").orderBy("id").execute();

describe("staff opening a resident's contact data", () => {
  it("writes personal_data.viewed with who, when and which application, each time", async () => {
    const before = Date.now();
    const result = await run(() => bureauDetail.loader({ request: get(`/beheer/aanvragen/${reference}`, reviewer), params: { reference }, context: {} }));
    expect(result.status).toBe(200);
    expect(JSON.stringify(result.data)).toContain("bewoner3@example.org");
    const application = await db.selectFrom("applications").select("id").where("reference", "=", reference).executeTakeFirstOrThrow();
    const rows = await views();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_user_id: reviewerId,
      actor_label: "mirjam@example.org",
      entity_type: "application",
      entity_id: application.id,
      before_json: null,
    });
    expect(Date.parse(rows[0]!.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(JSON.parse(rows[0]!.after_json!)).toEqual({ reference, page: "bureau.application" });

    await run(() => bureauDetail.loader({ request: get(`/beheer/aanvragen/${reference}`, reviewer), params: { reference }, context: {} }));
    expect(await views()).toHaveLength(2);
  });

  it("writes nothing for an unknown application or a resident without access", async () => {
    const count = (await views()).length;
    expect(
      (await run(() => bureauDetail.loader({ request: get("/beheer/aanvragen/IF-1999-0001", reviewer), params: { reference: "IF-1999-0001" }, context: {} })))
        .status,
    ).toBe(404);
    const resident = await createTestUser(db, { email: "nieuwsgierig@example.org", name: "Nieuwsgierig", roles: ["resident"], at: new Date().toISOString() });
    const residentCookie = await signedInCookie(resident);
    expect(
      (await run(() => bureauDetail.loader({ request: get(`/beheer/aanvragen/${reference}`, residentCookie), params: { reference }, context: {} }))).status,
    ).toBe(403);
    expect(await views()).toHaveLength(count);
  });

  it("the page's history leaves the views out, so it keeps showing what happened to the application", async () => {
    const result = await run(() => bureauDetail.loader({ request: get(`/beheer/aanvragen/${reference}`, reviewer), params: { reference }, context: {} }));
    const history = (result.data as { history: { action: string }[] }).history;
    expect(history.map((h) => h.action)).toEqual(["application.submitted"]);
  });
});

describe("the bureau's list with hostile page numbers", () => {
  const list = (query: string) => run(() => bureauList.loader({ request: get(`/beheer/aanvragen${query}`, reviewer), params: {}, context: {} }));

  it.each([
    ["?pagina=99999999999999999999", 1],
    ["?pagina=1e400", 1],
    ["?pagina=9007199254740993", 1],
    ["?pagina=-5", 1],
    ["?pagina=0", 1],
    ["?pagina=abc", 1],
    ["?pagina=", 1],
    ["?pagina=1&pagina=2", 1],
    ["?pagina=2", 1],
    ["?pagina=%00", 1],
    ["", 1],
  ])("%s gives a normal page (page %i of 1), never a 5xx", async (query, page) => {
    const result = await list(query);
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ page, pages: 1, total: 3 });
    expect((result.data as { rows: unknown[] }).rows).toHaveLength(3);
  });

  it("the list carries no applicant names or ids the page does not show", async () => {
    const text = JSON.stringify((await list("")).data);
    expect(text).not.toContain("Bewoner 1");
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
