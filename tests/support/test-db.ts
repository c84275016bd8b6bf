// A real SQLite file per test file, migrated and with the reference data in it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, migrateToLatest, type DB } from "~/services/db.server";
import { seedReferenceData } from "../../db/seed";
import { createUser } from "~/models/users.server";
import type { FundSettings } from "~/models/lifecycle-context.server";

export async function freshDb(): Promise<{ db: DB; file: string; cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inwonersfonds-test-"));
  const file = path.join(dir, "test.sqlite");
  const db = openDatabase(file);
  await migrateToLatest(db);
  await seedReferenceData(db);
  return {
    db,
    file,
    cleanup: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function count(db: DB, table: "applications" | "audit_log" | "outbox" | "drafts" | "login_codes" | "users"): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The fund's settings as configuration gives them, for models that take a step. */
export const TEST_SETTINGS: FundSettings = {
  fundMaxCents: 500_000,
  fourEyesThresholdCents: 250_000,
  publicUrl: "https://fonds.example",
  bureauEmail: undefined,
};

/** An account made by the bureau, in its own transaction (createUser takes one). */
export function createTestUser(db: DB, user: Parameters<typeof createUser>[1]): Promise<string> {
  return db.transaction().execute((trx) => createUser(trx, user));
}
