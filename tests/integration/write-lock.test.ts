// The write lock: two writers race for one application and exactly one wins; the other waits its
// turn, sees the winner's status and gets the lifecycle's refusal (a value, not a database error).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb, createTestUser, TEST_ENGINE } from "../support/test-db";
import { applicationInput, submitContext } from "../support/applications";
import { submitApplication } from "~/models/applications.server";
import { withWriteLock } from "~/models/lock.server";
import type { DB } from "~/services/db.server";

const run = promisify(execFile);
let db: DB;
let file: string | null;
let url: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, file, url, cleanup } = await freshDb());
});
afterEach(async () => cleanup());

describe("the write lock", () => {
  it.runIf(TEST_ENGINE === "sqlite")("holds the database's write lock from the start, before the first write", async () => {
    // A second connection to the same file that does not wait for a busy lock.
    const other = new SQLite(file!);
    other.pragma("busy_timeout = 0");
    try {
      await withWriteLock(db, {}, async (trx) => {
        await trx.selectFrom("areas").select("id").execute(); // only read so far
        expect(() => other.prepare("insert into reference_counters (year, last_number) values (1999, 1)").run()).toThrow(/locked|busy/i);
      });
      // Released at commit.
      other.prepare("insert into reference_counters (year, last_number) values (1999, 1)").run();
    } finally {
      other.close();
    }
  });

  it.runIf(TEST_ENGINE === "postgres")("locks the named applications from the start, and only those", async () => {
    const at = new Date().toISOString();
    const first = await submitApplication(db, applicationInput({ title: "Een" }), submitContext());
    const second = await submitApplication(db, applicationInput({ title: "Twee" }), submitContext());
    const idOf = async (reference: string) =>
      (await db.selectFrom("applications").select("id").where("reference", "=", reference).executeTakeFirstOrThrow()).id;
    const [locked, free] = [await idOf(first.reference), await idOf(second.reference)];
    // A second connection that refuses to wait for a lock (NOWAIT), as another app server would be.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await withWriteLock(db, { applications: [locked] }, async () => {
        await expect(other.query("select id from applications where id = $1 for update nowait", [locked])).rejects.toMatchObject({ code: "55P03" });
        await other.query("rollback").catch(() => undefined);
        // Another application is not held up.
        await other.query("begin");
        await other.query("update applications set updated_at = $1 where id = $2", [at, free]);
        await other.query("commit");
      });
      // Released at commit.
      await other.query("select id from applications where id = $1 for update nowait", [locked]);
    } finally {
      await other.end();
    }
  });

  it("lets exactly one of two reviewers in two processes take the same application", { timeout: 60_000 }, async () => {
    const at = new Date().toISOString();
    const [a, b] = [
      await createTestUser(db, { email: "a@example.org", name: "A", roles: ["reviewer"], at }),
      await createTestUser(db, { email: "b@example.org", name: "B", roles: ["reviewer"], at }),
    ];
    const { reference } = await submitApplication(db, applicationInput(), submitContext());
    const { id } = await db.selectFrom("applications").select("id").where("reference", "=", reference).executeTakeFirstOrThrow();
    const startAt = String(Date.now() + 4000); // both processes are up by then
    const writer = (userId: string) =>
      run("node_modules/.bin/tsx", ["tests/support/race-writer.ts", url, id, userId, startAt]).then(
        (r) => JSON.parse(r.stdout.trim()) as Record<string, unknown>,
      );
    const results = await Promise.all([writer(a), writer(b)]);

    expect(results.filter((r) => r.ok === true)).toHaveLength(1);
    expect(results.filter((r) => r.ok === false)).toEqual([{ ok: false, reason: "not_allowed_in_status", status: "in_review", action: "take" }]);
    const taken = await db.selectFrom("audit_log").select("actor_label").where("action", "=", "application.taken").execute();
    expect(taken).toHaveLength(1);
  });
});
