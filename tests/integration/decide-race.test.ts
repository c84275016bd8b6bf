// Two reviewers decide the same application at the same moment, in two processes as two app
// servers would: exactly one decision is stored; the other gets the lifecycle's refusal, which
// the page shows as "al besloten" (review-decide.test.ts checks those words). On both engines.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb, createTestUser, TEST_SETTINGS } from "../support/test-db";
import { applicationInput, submitContext } from "../support/applications";
import { submitApplication } from "~/models/applications.server";
import { applicationIdOf, applyLifecycleAction } from "~/models/lifecycle.server";
import { getUserById } from "~/models/users.server";
import type { DB } from "~/services/db.server";

const run = promisify(execFile);
let db: DB;
let url: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, url, cleanup } = await freshDb());
});
afterEach(async () => cleanup());

describe("two reviewers deciding at once", () => {
  it("store exactly one decision; the other is refused as already decided", { timeout: 60_000 }, async () => {
    const at = new Date().toISOString();
    const [a, b] = [
      await createTestUser(db, { email: "a@example.org", name: "A", roles: ["reviewer"], at }),
      await createTestUser(db, { email: "b@example.org", name: "B", roles: ["reviewer"], at }),
    ];
    const { reference } = await submitApplication(db, applicationInput({ requestedCents: 100_000, amount: 100_000, costLines: [] }), submitContext());
    const id = (await applicationIdOf(db, reference))!;
    expect((await applyLifecycleAction(db, id, { type: "take" }, await getUserById(db, a), { settings: TEST_SETTINGS }, new Date())).ok).toBe(true);

    const startAt = String(Date.now() + 4000); // both processes are up by then
    const writer = (userId: string, action: object) =>
      run("node_modules/.bin/tsx", ["tests/support/race-writer.ts", url, id, userId, startAt, JSON.stringify(action)]).then(
        (r) => JSON.parse(r.stdout.trim().split("\n").at(-1)!) as Record<string, unknown>,
      );
    const results = await Promise.all([
      writer(a, { type: "approve", grantedCents: 80_000 }),
      writer(b, { type: "decline", reason: "Past niet bij het fonds." }),
    ]);

    const won = results.filter((r) => r.ok === true);
    expect(won).toHaveLength(1);
    const lost = results.filter((r) => r.ok === false);
    expect(lost).toEqual([
      { ok: false, reason: "not_allowed_in_status", status: won[0]!.status, action: won[0]!.action === "approve" ? "decline" : "approve" },
    ]);
    const decisions = await db.selectFrom("application_decisions").select("action").where("application_id", "=", id).execute();
    expect(decisions).toEqual([{ action: won[0]!.action }]);
    const audits = await db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", id)
      .where("action", "in", ["application.approved", "application.declined"])
      .execute();
    expect(audits).toHaveLength(1);
    const mails = await db.selectFrom("outbox").select("template").where("template", "=", "decision").execute();
    expect(mails).toHaveLength(1);
  });
});
