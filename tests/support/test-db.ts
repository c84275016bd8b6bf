// A real SQLite file per test file, migrated and with the reference data in it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, migrateToLatest, type DB } from "~/services/db.server";
import { seedReferenceData } from "../../db/seed";

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
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}
