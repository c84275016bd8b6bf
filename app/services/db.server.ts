// The database connection: one SQLite file in WAL mode with foreign keys on, migrated on first use.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import type { Database } from "../../db/schema";
import { migrationProvider } from "../../db/migrations/index";
import { config } from "./config.server";

export type DB = Kysely<Database>;

export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // Cleared mail bodies (codes, links) are overwritten on disk, not left in free space for a backup to copy.
  sqlite.pragma("secure_delete = ON");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export async function migrateToLatest(db: DB): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Migration failed${failed ? ` in ${failed.migrationName}` : ""}: ${String(error)}`);
  }
}

// One connection per process; kept on globalThis so development rebuilds reuse it.
const holder = globalThis as unknown as { __inwonersfondsDb?: Promise<DB> };

export function getDb(): Promise<DB> {
  holder.__inwonersfondsDb ??= (async () => {
    const db = openDatabase(config().databaseFile);
    await migrateToLatest(db);
    return db;
  })().catch((error: unknown) => {
    // A failed start is not kept: the next call tries again instead of failing for ever.
    holder.__inwonersfondsDb = undefined;
    throw error;
  });
  return holder.__inwonersfondsDb;
}
