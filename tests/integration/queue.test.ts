// The bureau's work queue (/beheer/aanvragen): each filter, the counts, the late marking at its
// edges (the due day itself, a millisecond before), "antwoord ontvangen" from the stored clock
// start alone, a declared conflict, paging from both ends, and what a hostile address gets. On the
// engine the run is for (TEST_DATABASE), with a real database file or PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeDb, get, run, signedInCookie, identifiersIn } from "../support/route-env";
import { createTestUser, TEST_SETTINGS } from "../support/test-db";
import { applicationInput, submitContext } from "../support/applications";
import { submitApplication } from "~/models/applications.server";
import { applicationIdOf, applyLifecycleAction } from "~/models/lifecycle.server";
import { getUserById, type User } from "~/models/users.server";
import { listQueue, likePattern, type QueueFilters } from "~/models/queue.server";
import type { ApplicationInput } from "~/forms/application-schema";
import type { DB } from "~/services/db.server";
import * as queueRoute from "~/routes/beheer.aanvragen._index";

// Friday 27 November 2026: with 5 working days, a clock started on Friday 20 November (Amsterdam)
// or later is on time, one started on Thursday 19 November is late.
const NOW = new Date("2026-11-27T12:00:00Z");

let db: DB;
let cleanup: () => Promise<void>;
let me: User;
let other: User;
let cookie: string;
const refs: Record<string, string> = {};

async function submit(key: string, at: string, input: Partial<ApplicationInput>) {
  const { reference } = await submitApplication(
    db,
    applicationInput({ submissionKey: key, email: `${key}@example.org`, phone: "0612345678", costLines: [], ...input }),
    submitContext({ now: new Date(at) }),
  );
  refs[key] = reference;
  return (await applicationIdOf(db, reference))!;
}

async function step(id: string, action: Parameters<typeof applyLifecycleAction>[2], by: User, at: string) {
  const result = await applyLifecycleAction(db, id, action, by, { settings: TEST_SETTINGS }, new Date(at));
  if (!result.ok) throw new Error(`step ${action.type} refused: ${result.reason}`);
}

beforeAll(async () => {
  ({ db, cleanup } = await routeDb());
  const at = "2026-11-01T08:00:00.000Z";
  me = (await getUserById(db, await createTestUser(db, { email: "mirjam@example.org", name: "Mirjam Kool", roles: ["reviewer"], at })))!;
  other = (await getUserById(db, await createTestUser(db, { email: "daan@example.org", name: "Daan Hendriks", roles: ["reviewer"], at })))!;
  cookie = await signedInCookie(me.id);

  await submit("old", "2026-11-10T09:00:00.000Z", { title: "Samen koken voor 100 buren", areaId: "kroeven", factorIds: ["ontmoeting"] });
  const edgeLate = await submit("edge-late", "2026-11-19T22:59:59.999Z", {
    title: "Straatfeest 100% gezellig",
    areaId: "fatima",
    factorIds: ["verbondenheid"],
  });
  await step(edgeLate, { type: "take" }, me, "2026-11-20T09:00:00.000Z");
  const edgeOnTime = await submit("edge-on-time", "2026-11-19T23:00:00.000Z", {
    title: "Moestuin_achter de flat",
    areaId: "hulsdonk",
    factorIds: ["ontmoeting", "verbondenheid"],
  });
  await step(edgeOnTime, { type: "take" }, other, "2026-11-20T09:00:00.000Z");
  const declined = await submit("declined", "2026-11-02T09:00:00.000Z", { title: "Kledingruil", areaId: "westrand", factorIds: ["gezinsstructuren"] });
  await step(declined, { type: "take" }, other, "2026-11-03T09:00:00.000Z");
  await step(declined, { type: "decline", reason: "De bibliotheek doet dit al." }, other, "2026-11-04T09:00:00.000Z");
  const answered = await submit("answered", "2026-11-25T09:00:00.000Z", {
    title: "Taalcafé in de moestuin achter",
    areaId: "kalsdonk",
    factorIds: ["ontmoeting"],
  });
  // The resident answered a question on Thursday (the question flow is not built here; its submit sets this column).
  await db.updateTable("applications").set({ answer_clock_started_at: "2026-11-26T10:00:00.000Z" }).where("id", "=", answered).execute();
  const conflicted = await submit("conflicted", "2026-11-20T09:00:00.000Z", { title: "Podcast door jongeren", areaId: "westrand", factorIds: ["identiteit"] });
  await step(conflicted, { type: "take" }, other, "2026-11-20T10:00:00.000Z");
  await db
    .insertInto("conflicts_of_interest")
    .values({ application_id: conflicted, user_id: me.id, declared_at: "2026-11-21T10:00:00.000Z", reason: "Mijn neef", kind: "family" })
    .execute();
});
afterAll(async () => cleanup());

const none: QueueFilters = { statuses: [], areaId: null, factorId: null, assigned: null, late: false, text: null, order: "newest", page: 1 };
const queue = (f: Partial<QueueFilters> = {}, opts: { user?: User; pageSize?: number; now?: Date; textCountCap?: number } = {}) =>
  listQueue(
    db,
    { ...none, ...f },
    { userId: (opts.user ?? me).id, now: opts.now ?? NOW, targetWorkingDays: 5, pageSize: opts.pageSize ?? 50, textCountCap: opts.textCountCap },
  );
const keys = async (f: Partial<QueueFilters> = {}) => {
  const byRef = Object.fromEntries(Object.entries(refs).map(([k, r]) => [r, k]));
  return (await queue(f)).rows.map((r) => byRef[r.reference]);
};

describe("the stored answer clock", () => {
  it("starts at the submission, set by the lifecycle's submit", async () => {
    const row = await db
      .selectFrom("applications")
      .select(["submitted_at", "answer_clock_started_at"])
      .where("reference", "=", refs.old!)
      .executeTakeFirstOrThrow();
    expect(row.answer_clock_started_at).toBe("2026-11-10T09:00:00.000Z");
    expect(row.answer_clock_started_at).toBe(row.submitted_at);
  });
});

describe("filters", () => {
  it("without filters: everything, newest first, or oldest first", async () => {
    expect(await keys()).toEqual(["answered", "conflicted", "edge-on-time", "edge-late", "old", "declined"]);
    expect(await keys({ order: "oldest" })).toEqual(["declined", "old", "edge-late", "edge-on-time", "conflicted", "answered"]);
  });

  it("by one or several statuses", async () => {
    expect(await keys({ statuses: ["in_review"] })).toEqual(["conflicted", "edge-on-time", "edge-late"]);
    expect(await keys({ statuses: ["submitted", "declined"] })).toEqual(["answered", "old", "declined"]);
    expect(await keys({ statuses: ["paid"] })).toEqual([]);
  });

  it("by area, protective factor, and both", async () => {
    expect(await keys({ areaId: "westrand" })).toEqual(["conflicted", "declined"]);
    expect(await keys({ factorId: "verbondenheid" })).toEqual(["edge-on-time", "edge-late"]);
    expect(await keys({ factorId: "verbondenheid", areaId: "fatima" })).toEqual(["edge-late"]);
    expect(await keys({ areaId: "nergens" })).toEqual([]);
  });

  it("mine, nobody's", async () => {
    expect(await keys({ assigned: "mine" })).toEqual(["edge-late"]);
    expect(await keys({ assigned: "nobody" })).toEqual(["answered", "old"]);
    expect((await queue({ assigned: "mine" }, { user: other })).rows).toHaveLength(3);
  });

  it("late: exactly those the bureau owes an answer on since before the target", async () => {
    expect(await keys({ late: true })).toEqual(["edge-late", "old"]);
    expect(await keys({ late: true, statuses: ["submitted"] })).toEqual(["old"]);
    // On Friday 20 November nothing was late yet but the old one.
    expect((await queue({ late: true }, { now: new Date("2026-11-20T12:00:00Z") })).rows.map((r) => r.reference)).toEqual([refs.old]);
  });

  it("free text on reference and title, case-insensitive, with % and _ taken literally", async () => {
    expect(await keys({ text: refs["declined"]! })).toEqual(["declined"]);
    expect(await keys({ text: refs["declined"]!.toLowerCase() })).toEqual(["declined"]);
    expect(await keys({ text: refs["declined"]!.slice(3) })).toEqual(["declined"]); // part of a reference
    expect(await keys({ text: "IF-1999-0001" })).toEqual([]);
    expect(await keys({ text: "MOESTUIN" })).toEqual(["answered", "edge-on-time"]);
    expect(await keys({ text: "moestuin_" })).toEqual(["edge-on-time"]);
    expect(await keys({ text: "100%" })).toEqual(["edge-late"]);
    expect(await keys({ text: "100" })).toEqual(["edge-late", "old"]);
    expect(await keys({ text: "%" })).toEqual(["edge-late"]);
    expect(await keys({ text: "\\" })).toEqual([]);
    expect(await keys({ text: "' or 1=1 --" })).toEqual([]);
    expect(likePattern("a%b_c\\d")).toBe("%a\\%b\\_c\\\\d%");
  });

  it("stops counting a free-text search at the cap, and pages through what it counted from the front", async () => {
    const exact = await queue({ text: "100" }, { textCountCap: 2 });
    expect(exact).toMatchObject({ total: 2, capped: false });
    const all = (await queue({ text: "e" })).rows.map((r) => r.reference);
    expect(all.length).toBeGreaterThan(3);
    const first = await queue({ text: "e", page: 1 }, { textCountCap: 2, pageSize: 1 });
    expect(first).toMatchObject({ total: 2, capped: true, pages: 2 });
    const second = await queue({ text: "e", page: 2 }, { textCountCap: 2, pageSize: 1 });
    expect([...first.rows, ...second.rows].map((r) => r.reference)).toEqual(all.slice(0, 2));
    // A whole reference is exact, never capped.
    expect(await queue({ text: refs.old! }, { textCountCap: 0 })).toMatchObject({ total: 1, capped: false });
  });
});

describe("counts and rows", () => {
  it("counts all, per open status and late, whatever the filter", async () => {
    for (const f of [{}, { statuses: ["declined" as const] }, { text: "geen treffer" }]) {
      const q = await queue(f);
      expect(q.allCount).toBe(6);
      // Final statuses (here the declined one) are many in a real year: found through the form, not counted on top.
      expect(q.countsByStatus).toEqual({ submitted: 2, in_review: 3 });
      expect(q.lateCount).toBe(2);
    }
  });

  it("each row: working days waited against the target, due day, late; a millisecond decides", async () => {
    const rows = Object.fromEntries((await queue()).rows.map((r) => [r.reference, r]));
    expect(rows[refs["edge-late"]!]).toMatchObject({ waitedWorkingDays: 5, due: "2026-11-26", late: true, assignedName: "Mirjam Kool" });
    expect(rows[refs["edge-on-time"]!]).toMatchObject({ waitedWorkingDays: 4, due: "2026-11-27", late: false, assignedName: "Daan Hendriks" });
    expect(rows[refs["old"]!]).toMatchObject({ late: true, assignedName: null, answerReceived: false });
    expect(rows[refs["declined"]!]).toMatchObject({ waitedWorkingDays: null, due: null, late: false });
    expect(rows[refs["answered"]!]).toMatchObject({ answerReceived: true, waitedWorkingDays: 0, due: "2026-12-03", late: false });
  });

  it("a declared conflict is shown with its kind, to the one who declared it only", async () => {
    const mine = (await queue()).rows.find((r) => r.reference === refs.conflicted)!;
    expect(mine.conflict).toBe("family");
    expect((await queue()).rows.filter((r) => r.conflict !== null)).toHaveLength(1);
    expect((await queue({}, { user: other })).rows.every((r) => r.conflict === null)).toBe(true);
  });

  it("pages from both ends give the whole order once; a page past the end is the last", async () => {
    const all = (await queue({ order: "oldest" })).rows.map((r) => r.reference);
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const q = await queue({ order: "oldest", page }, { pageSize: 2 });
      expect(q).toMatchObject({ page, pages: 3, total: 6 });
      seen.push(...q.rows.map((r) => r.reference));
    }
    expect(seen).toEqual(all);
    const past = await queue({ statuses: ["in_review"], page: 99 }, { pageSize: 2 });
    expect(past).toMatchObject({ page: 2, pages: 2, total: 3 });
    expect(past.rows.map((r) => r.reference)).toEqual([refs["edge-late"]]);
  });
});

describe("the route", () => {
  const load = (query: string, who = cookie) => run(() => queueRoute.loader({ request: get(`/beheer/aanvragen${query}`, who), params: {}, context: {} }));

  it.each([
    "?status=bogus&status=in_review&status=in_review",
    "?status=&wijk=&factor=&toegewezen=&laat=&zoek=&volgorde=&pagina=",
    "?wijk=../../etc/passwd&factor=%27%3Bdrop%20table%20applications&toegewezen=iedereen&laat=1&volgorde=x&pagina=-1",
    "?zoek=%00%25%5C_&zoek=second",
    `?zoek=${"a".repeat(10_000)}`,
    `?${"status=submitted&".repeat(500)}`,
    "?status[]=submitted&status=__proto__&toString=1&constructor=x",
    "?zoek=%F0%9F%A7%A1%20%E2%80%AE",
    "?%=%&&&==",
  ])("hostile address %# gives a normal page, never a 5xx", async (query) => {
    const result = await load(query);
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ allCount: 6, countsByStatus: { submitted: 2, in_review: 3 } });
  });

  it("reads the filters from the address", async () => {
    const result = await load("?status=in_review&status=submitted&factor=verbondenheid&toegewezen=mijn&volgorde=oudste");
    const data = result.data as { rows: { reference: string }[]; filters: QueueFilters };
    expect(data.filters).toMatchObject({ statuses: ["in_review", "submitted"], factorId: "verbondenheid", assigned: "mine", order: "oldest" });
    expect(data.rows.map((r) => r.reference)).toEqual([refs["edge-late"]]);
  });

  it("cuts a long search text, and a search with control characters finds nothing without failing", async () => {
    const data = (await load(`?zoek=${"b".repeat(500)}`)).data as { filters: QueueFilters; total: number };
    expect(data.filters.text).toHaveLength(100);
    expect(data.total).toBe(0);
  });

  it("carries no contact data, applicant names or internal ids", async () => {
    const data = (await load("")).data;
    const found = identifiersIn(data);
    expect(found).toEqual({ emails: [], uuids: [], hashes: [] });
    const text = JSON.stringify(data);
    expect(text).not.toContain("0612345678");
    expect(text).not.toContain("Sanne Test");
    expect(text).not.toContain("Mijn neef");
  });

  it("is for the bureau only", async () => {
    const residentId = await createTestUser(db, { email: "bewoner@example.org", name: "Bewoner", roles: ["resident"], at: NOW.toISOString() });
    expect((await load("", await signedInCookie(residentId))).status).toBe(403);
  });
});
