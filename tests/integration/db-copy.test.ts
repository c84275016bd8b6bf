// npm run db:copy: an installation's data moved to another database (either engine), every row
// the same, audit ids kept and the next audit id new, a non-empty target refused, and a
// difference found by the checks rolls everything back. SQLite → SQLite always; with
// TEST_DATABASE=postgres also SQLite → PostgreSQL and PostgreSQL → SQLite.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase, type DB, type Engine } from "~/services/db.server";
import { seedDemo, seedReferenceData } from "../../db/seed";
import { describeTables } from "../../db/catalog";
import { copyDatabase, CopyMismatch, CopyRefused } from "../../db/copy";
import { freshDb, TEST_ENGINE, TEST_SETTINGS, createTestUser, type FreshDb } from "../support/test-db";
import { submitApplication } from "~/models/applications.server";
import { applicationIdOf, applyLifecycleAction } from "~/models/lifecycle.server";
import { getUserById } from "~/models/users.server";
import { issueLoginCode } from "~/models/login-codes.server";
import { saveDraft } from "~/models/drafts.server";
import { createSession } from "~/models/sessions.server";
import { writeAudit } from "~/models/audit.server";
import { translator } from "~/i18n/translate";
import { applicationInput } from "../support/applications";

const run = promisify(execFile);
const NOW = new Date("2026-11-23T10:00:00Z");
const t = translator("nl");

const opened: FreshDb[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.cleanup();
});

/** A database of the given engine; with `migrated: false` it has no tables yet (as db:copy finds a new one). */
async function database(engine: Engine, migrated = true): Promise<FreshDb> {
  let fresh: FreshDb;
  if (engine === TEST_ENGINE) {
    fresh = await freshDb({ empty: true });
  } else {
    // The other engine than the suite's: SQLite next to a PostgreSQL run.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inwonersfonds-copy-"));
    const file = path.join(dir, "copy.sqlite");
    const db = openDatabase(file);
    fresh = { db, url: `file:${file}`, file, cleanup: async () => (await db.destroy(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  opened.push(fresh);
  if (migrated) await migrateToLatest(fresh.db);
  return fresh;
}

/** The demo installation plus a row in every table the demo leaves empty (above four eyes: a first approval stores granted_cents). */
async function installation(engine: Engine): Promise<FreshDb> {
  const source = await database(engine);
  const db = source.db;
  await seedDemo(db, TEST_SETTINGS, NOW);
  const reviewer = (await getUserById(db, await createTestUser(db, { email: "kees@example.org", name: "Kees", roles: ["reviewer"], at: NOW.toISOString() })))!;
  const { reference } = await submitApplication(
    db,
    applicationInput({ amount: 300_050, requestedCents: 300_050, costLines: [{ description: "Podium", cents: 300_050 }] }),
    {
      user: null,
      onBehalf: false,
      locale: "nl",
      now: NOW,
      settings: TEST_SETTINGS,
    },
  );
  const id = (await applicationIdOf(db, reference))!;
  expect((await applyLifecycleAction(db, id, { type: "take" }, reviewer, { settings: TEST_SETTINGS }, NOW)).ok).toBe(true);
  expect((await applyLifecycleAction(db, id, { type: "approve", grantedCents: 300_000 }, reviewer, { settings: TEST_SETTINGS }, NOW)).ok).toBe(true);
  await db
    .insertInto("bank_accounts")
    .values({
      application_id: id,
      iban: "NL91ABNA0417164300",
      holder_name: "K. de Vries",
      entered_by_user_id: null,
      entered_by_label: "anonymous",
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
    })
    .execute();
  await db
    .insertInto("conflicts_of_interest")
    .values({ application_id: id, user_id: reviewer.id, declared_at: NOW.toISOString(), reason: "buurman" })
    .execute();
  await issueLoginCode(db, { email: "kees@example.org", ip: "192.0.2.1", now: NOW, t, linkBase: "https://fonds.example" });
  await saveDraft(db, {
    email: "draft@example.org",
    payload: { email: "draft@example.org", title: "Half af" },
    user: null,
    t,
    now: NOW,
    publicUrl: "https://fonds.example",
    ip: "192.0.2.1",
  });
  await createSession(db, "session-id", { userId: reviewer.id }, { idleMs: 3_600_000, absoluteMs: 30 * 24 * 3_600_000 }, NOW);
  return source;
}

/** Every row of every table, in primary-key order: what "the same data" means. */
async function everything(db: DB): Promise<Record<string, unknown[]>> {
  const tables = await describeTables(db);
  const result: Record<string, unknown[]> = {};
  for (const [name, table] of [...tables].sort(([a], [b]) => a.localeCompare(b))) {
    let query = db.selectFrom(name as "areas").select(table.columns as "id"[]);
    for (const k of table.primaryKey) query = query.orderBy(k as "id");
    result[name] = await query.execute();
  }
  return result;
}

const maxAuditId = async (db: DB) =>
  Number(
    (
      await db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.max("id").as("m"))
        .executeTakeFirstOrThrow()
    ).m,
  );

async function dbCopy(from: string, to: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/db-copy.ts", "--from", from, "--to", to], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const directions: [Engine, Engine][] =
  TEST_ENGINE === "postgres"
    ? [
        ["sqlite", "postgres"],
        ["postgres", "sqlite"],
      ]
    : [["sqlite", "sqlite"]];

describe.each(directions)("npm run db:copy from %s to %s", (fromEngine, toEngine) => {
  it("copies every table row for row, ids unchanged, and the next audit row gets a new id", async () => {
    const source = await installation(fromEngine);
    const target = await database(toEngine, false);
    const before = await everything(source.db);
    // Every table has rows, so the comparison below covers every table.
    for (const [table, rows] of Object.entries(before)) expect(rows.length, table).toBeGreaterThan(0);

    const result = await dbCopy(source.url, target.url);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^applications\s+sum\(requested_cents\)\s+(\d+)\s+\1\s+ok$/m);
    expect(result.stdout).toMatch(/^audit_log\s+sum\(id\)\s+(\d+)\s+\1\s+ok$/m);
    expect(result.stdout).toMatch(/^application_cost_lines\s+sum\(cents\)\s+342050\s+342050\s+ok$/m);
    expect(result.stdout).toMatch(/All checks agree/);

    expect(await everything(target.db)).toEqual(before);
    expect(await everything(source.db)).toEqual(before);

    const highest = await maxAuditId(target.db);
    expect(highest).toBeGreaterThan(10);
    await target.db.transaction().execute((trx) =>
      writeAudit(trx, {
        at: NOW.toISOString(),
        actor: { userId: null, label: "system" },
        action: "draft.saved",
        entityType: "draft",
        entityId: "na-de-kopie",
      }),
    );
    const added = await target.db.selectFrom("audit_log").select("id").where("entity_id", "=", "na-de-kopie").executeTakeFirstOrThrow();
    expect(added.id).toBe(highest + 1);
  });

  it("refuses a target that already holds data, and leaves it as it was", async () => {
    const source = await installation(fromEngine);
    const target = await database(toEngine);
    await seedReferenceData(target.db);
    const before = await everything(target.db);

    const result = await dbCopy(source.url, target.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Not copied: The target already holds data \(table \w+\)/);
    expect(await everything(target.db)).toEqual(before);
  });
});

describe(`copying on ${TEST_ENGINE}`, () => {
  it("rolls everything back when a check differs", async () => {
    const source = await installation(TEST_ENGINE);
    const target = await database(TEST_ENGINE);
    const copy = copyDatabase(source.db, target.db, {
      // One application's amount changed on the way: only the sum of requested_cents shows it.
      beforeChecks: async (to) => {
        await to.updateTable("applications").set({ requested_cents: 1 }).where("reference", "=", "IF-2026-0001").execute();
      },
    });
    const error = await copy.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CopyMismatch);
    const wrong = (error as CopyMismatch).checks.filter((c) => c.source !== c.target);
    expect(wrong.map((c) => [c.table, c.check])).toEqual([["applications", "sum(requested_cents)"]]);
    for (const [table, rows] of Object.entries(await everything(target.db))) expect(rows, table).toEqual([]);
  });

  it("refuses a source that is not at the target's migration", async () => {
    const source = await database(TEST_ENGINE, false);
    const target = await database(TEST_ENGINE);
    await expect(copyDatabase(source.db, target.db)).rejects.toThrow(CopyRefused);
  });
});
