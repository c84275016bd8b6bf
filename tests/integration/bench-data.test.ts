// The data generator (bench/data): the same seed gives the same rows, a different seed different
// ones, and a small run has every status in plausible proportions, every step in the audit log,
// and nothing the app itself would refuse (the lifecycle walk asks domain/lifecycle for each step).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, type DB } from "~/services/db.server";
import { APPLICATION_STATUSES } from "~/domain/lifecycle";
import { generate } from "../../bench/data/generate";
import { parseOptions } from "../../bench/data/options";
import type { TableName } from "../../bench/data/insert";
import { freshDb, type FreshDb } from "../support/test-db";

const APPLICATIONS = 500;
const made: FreshDb[] = [];

async function generated(seed: number): Promise<DB> {
  const fresh = await freshDb({ empty: true });
  made.push(fresh);
  const { db } = fresh;
  await migrateToLatest(db);
  await generate(db, parseOptions(["--applications", String(APPLICATIONS), "--seed", String(seed)], ":memory:"));
  return db;
}

/** Every row of a table in a fixed order, as JSON, without the audit log's own counter. */
async function dump(db: DB, table: TableName): Promise<string> {
  const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
  return JSON.stringify(
    rows.map((r) => ({ ...r, id: table === "audit_log" ? undefined : r.id })).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
  );
}

const TABLES: TableName[] = [
  "areas",
  "factors",
  "users",
  "user_roles",
  "applications",
  "application_factors",
  "application_cost_lines",
  "conflicts_of_interest",
  "review_judgements",
  "review_notes",
  "application_decisions",
  "audit_log",
  "outbox",
  "sessions",
  "login_codes",
  "drafts",
  "reference_counters",
];

let a: DB;
let b: DB;
let c: DB;
beforeAll(async () => {
  [a, b, c] = await Promise.all([generated(7), generated(7), generated(8)]);
}, 60_000);
afterAll(async () => {
  for (const fresh of made) await fresh.cleanup();
});

async function statusShares(db: DB): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("applications")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n) / APPLICATIONS]));
}

describe("bench data generator", () => {
  it("writes the same rows for the same seed, table by table", async () => {
    for (const table of TABLES) expect(await dump(a, table), table).toBe(await dump(b, table));
  });

  it("writes other rows for another seed", async () => {
    expect(await dump(c, "applications")).not.toBe(await dump(a, "applications"));
  });

  it("fills every table with the number of applications asked for, in 20 focus areas", async () => {
    expect(await a.selectFrom("applications").select("id").execute()).toHaveLength(APPLICATIONS);
    const areas = await a.selectFrom("areas").selectAll().execute();
    expect(new Set(areas.map((r) => r.name.split(" (")[1] ?? "Roosendaal")).size).toBe(20);
    expect(new Set(areas.map((r) => r.kind))).toEqual(new Set(["wijk", "buurt"]));
    for (const table of TABLES.filter((t) => t !== "conflicts_of_interest" && t !== "drafts")) {
      expect((await a.selectFrom(table).selectAll().execute()).length, table).toBeGreaterThan(0);
    }
  });

  it("has statuses in realistic proportions: most closed, some declined and withdrawn, a few still open", async () => {
    const shares = await statusShares(a);
    expect(shares.closed).toBeGreaterThan(0.4);
    expect(shares.closed).toBeLessThan(0.7);
    expect(shares.declined).toBeGreaterThan(0.1);
    expect(shares.declined).toBeLessThan(0.3);
    expect(shares.withdrawn).toBeGreaterThan(0.02);
    expect(shares.withdrawn).toBeLessThan(0.15);
    const open = ["submitted", "in_review", "needs_info", "awaiting_second_review", "approved", "paid", "report_due", "reported"];
    const openShare = open.reduce((sum, s) => sum + (shares[s] ?? 0), 0);
    expect(openShare).toBeGreaterThan(0.03);
    expect(openShare).toBeLessThan(0.3);
    for (const status of Object.keys(shares)) expect(APPLICATION_STATUSES).toContain(status);
  });

  it("writes an audit entry for every step and keeps applications in date order of their reference", async () => {
    const submitted = await a.selectFrom("audit_log").select("entity_id").where("action", "=", "application.submitted").execute();
    const sent = await a.selectFrom("applications").select("id").where("status", "!=", "draft").execute();
    // Each sent application has its first submit; answers to a question are submits too.
    expect(new Set(submitted.map((r) => r.entity_id))).toEqual(new Set(sent.map((r) => r.id)));
    const closed = await a.selectFrom("applications").select("id").where("status", "=", "closed").limit(1).executeTakeFirstOrThrow();
    const trail = await a
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", closed.id)
      .where("action", "like", "application.%" as never)
      .orderBy("id")
      .execute();
    expect(trail.map((r) => r.action).at(0)).toBe("application.submitted");
    expect(trail.map((r) => r.action).at(-1)).toBe("application.report_accepted");
    const audit = await a.selectFrom("audit_log").select(["id", "at"]).orderBy("id").execute();
    expect(audit.map((r) => r.at)).toEqual([...audit.map((r) => r.at)].sort());
  });

  it("writes the conversation: each question with its audit entry's text, and an answer for each answered question", async () => {
    const asked = await a
      .selectFrom("audit_log")
      .select(["entity_id", "at", "after_json"])
      .where("action", "=", "application.question_asked")
      .orderBy("id")
      .execute();
    const questions = await a
      .selectFrom("application_messages")
      .select(["application_id", "at", "body"])
      .where("kind", "=", "question")
      .orderBy("at")
      .execute();
    const key = (id: string, at: string, body: string) => `${id} ${at} ${body}`;
    expect(new Set(questions.map((q) => key(q.application_id, q.at, q.body)))).toEqual(
      new Set(asked.map((q) => key(q.entity_id, q.at, String((JSON.parse(q.after_json!) as { reason: string }).reason)))),
    );
    const answered = await a
      .selectFrom("audit_log")
      .select("entity_id")
      .where("action", "=", "application.submitted")
      .where("before_json", "like", '%"needs_info"%' as never)
      .execute();
    const answers = await a.selectFrom("application_messages").select("application_id").where("kind", "=", "answer").execute();
    expect(answers.length).toBe(answered.length);
    expect(answers.length).toBeGreaterThan(0);
  });

  it("keeps the review tables, the assignee and the answer clock consistent with each application's steps", async () => {
    // The clock's start is the latest submit in the audit log (decision 010), for every sent application.
    const submits = await a.selectFrom("audit_log").select(["entity_id", "at"]).where("action", "=", "application.submitted").execute();
    const latest = new Map<string, string>();
    for (const r of submits) if ((latest.get(r.entity_id) ?? "") < r.at) latest.set(r.entity_id, r.at);
    const apps = await a.selectFrom("applications").select(["id", "status", "answer_clock_started_at", "assigned_user_id", "submitted_at"]).execute();
    for (const app of apps) expect(app.answer_clock_started_at, app.id).toBe(latest.get(app.id) ?? null);
    expect(apps.some((app) => app.answer_clock_started_at! > app.submitted_at)).toBe(true);
    // Whoever took it is assigned: everything in review has a reviewer, nothing just received does.
    expect(apps.filter((app) => app.status === "in_review").every((app) => app.assigned_user_id !== null)).toBe(true);
    expect(
      apps.filter((app) => app.status === "submitted" && app.answer_clock_started_at === app.submitted_at).every((app) => app.assigned_user_id === null),
    ).toBe(true);
    // Each decided application has its decision row, by the step's actor, and every decision a judgement.
    const decisions = await a.selectFrom("application_decisions").select(["application_id", "action", "reason", "granted_cents"]).execute();
    const judged = new Set((await a.selectFrom("review_judgements").select("application_id").execute()).map((r) => r.application_id));
    for (const app of apps.filter((x) => x.status === "declined" || x.status === "approved")) {
      const own = decisions.filter((d) => d.application_id === app.id);
      expect(
        own.map((d) => d.action),
        app.id,
      ).toContain(app.status === "declined" ? "decline" : "approve");
      expect(judged.has(app.id), app.id).toBe(true);
    }
    expect(decisions.filter((d) => d.action === "decline").every((d) => d.reason)).toBe(true);
    expect(decisions.filter((d) => d.action === "approve").every((d) => d.granted_cents! > 0)).toBe(true);
    // Judgements are on declared factors, or marked as added by the bureau.
    const declared = new Set((await a.selectFrom("application_factors").selectAll().execute()).map((r) => `${r.application_id}/${r.factor_id}`));
    const judgements = await a.selectFrom("review_judgements").selectAll().execute();
    expect(judgements.every((j) => declared.has(`${j.application_id}/${j.factor_id}`) !== (j.added_by_bureau === 1))).toBe(true);
    expect(judgements.some((j) => j.added_by_bureau === 1)).toBe(true);
    expect((await a.selectFrom("review_notes").selectAll().execute()).length).toBeGreaterThan(0);
  });

  it("keeps the reference counters in step, so the next real submission continues the series", async () => {
    const counters = await a.selectFrom("reference_counters").selectAll().execute();
    expect(counters.reduce((sum, r) => sum + r.last_number, 0)).toBe(APPLICATIONS);
  });

  it("leaves only the last month's delivered mail, emptied, and keeps dead letters whole", async () => {
    const mail = await a.selectFrom("outbox").select(["status", "subject", "created_at"]).execute();
    const sent = mail.filter((m) => m.status === "sent");
    expect(sent.length / mail.length).toBeGreaterThan(0.8);
    expect(sent.every((m) => m.subject === "" && m.created_at >= "2026-10-31")).toBe(true);
    expect(mail.filter((m) => m.status === "failed").every((m) => m.subject !== "")).toBe(true);
  });

  it("refuses a database that already holds data", async () => {
    await expect(generate(a, parseOptions(["--applications", "1"], ":memory:"))).rejects.toThrow(/already has/);
  });
});
