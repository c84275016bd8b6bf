// The application form's loader with hostile or broken ?concept= values: never a 5xx, a calm
// notice when a draft link cannot be used, and no ids or hashes in the page's data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeDb, get, run, identifiersIn } from "../support/route-env";
import { translator } from "~/i18n/translate";
import { saveDraft } from "~/models/drafts.server";
import type { DB } from "~/services/db.server";
import * as formRoute from "~/routes/aanvragen.nieuw";

let db: DB;
let cleanup: () => Promise<void>;
let token: string;
beforeAll(async () => {
  ({ db, cleanup } = await routeDb());
  await saveDraft(db, {
    email: "concept@example.org",
    payload: { name: "Concept Maker", email: "concept@example.org", title: "Half af" },
    user: null,
    t: translator("nl"),
    now: new Date(),
    publicUrl: "https://fonds.example",
  });
  const mail = await db.selectFrom("outbox").select("text_body").executeTakeFirstOrThrow();
  token = /concept=([\w-]+)/.exec(mail.text_body)![1]!;
});
afterAll(async () => cleanup());

const load = (query: string) => run(() => formRoute.loader({ request: get(`/aanvragen/nieuw${query}`), params: {}, context: {} }));

describe("?concept= on the application form", () => {
  it("loads a saved draft from its link", async () => {
    const result = await load(`?concept=${token}`);
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ draftState: "loaded", draftToken: token, defaultValue: { title: "Half af" } });
  });

  it.each([
    ["", null],
    ["?concept=", null],
    ["?concept=%20%20", null],
    ["?concept=bestaat-niet-maar-lijkt-er-wel-op-0123456789", "missing"],
    ["?concept=%00%0A%3Cscript%3E", "missing"],
    [`?concept=${"a".repeat(5000)}`, "missing"],
    ["?concept=%E0%A4%A", "missing"],
    ["?concept=x&concept=y", "missing"],
  ])("%s gives the form (notice: %s), never a 5xx", async (query, draftState) => {
    const result = await load(query);
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ draftState, draftToken: null, defaultValue: null });
  });

  it("the form's data has no e-mail addresses, hashes or ids beyond its own form key", async () => {
    const data = (await load("")).data as { submissionKey: string };
    const found = identifiersIn(data);
    expect(found.emails).toEqual([]);
    expect(found.hashes).toEqual([]);
    expect(found.uuids).toEqual([data.submissionKey]);
  });
});
