// The database connection: one SQLite file in WAL mode with foreign keys on, migrated on first use.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CompiledQuery, Kysely, Migrator, SqliteDialect, type DatabaseConnection, type Driver, type TransactionSettings, type Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { migrationProvider } from "../../db/migrations/index";
import { config } from "./config.server";

export type DB = Kysely<Database>;
/** Inside a transaction. Helpers that must be part of one (audit, outbox, counters) take this type. */
export type Tx = Transaction<Database>;

/**
 * SQLite's driver with one addition: a transaction asked for as "serializable" starts with
 * BEGIN IMMEDIATE, which takes the write lock at once (models/lock.server.ts). kysely's own
 * SQLite driver always says BEGIN (kysely issue #1152), which defers the lock to the first write;
 * a writer that read first then fails with SQLITE_BUSY instead of waiting its turn.
 */
class SqliteWriteLockDialect extends SqliteDialect {
  override createDriver(): Driver {
    const inner = super.createDriver();
    return {
      init: () => inner.init(),
      acquireConnection: () => inner.acquireConnection(),
      beginTransaction: async (connection: DatabaseConnection, settings: TransactionSettings) => {
        if (settings.isolationLevel === "serializable") await connection.executeQuery(CompiledQuery.raw("begin immediate"));
        else await inner.beginTransaction(connection, settings);
      },
      commitTransaction: (connection) => inner.commitTransaction(connection),
      rollbackTransaction: (connection) => inner.rollbackTransaction(connection),
      savepoint: inner.savepoint?.bind(inner),
      rollbackToSavepoint: inner.rollbackToSavepoint?.bind(inner),
      releaseSavepoint: inner.releaseSavepoint?.bind(inner),
      releaseConnection: (connection) => inner.releaseConnection(connection),
      destroy: () => inner.destroy(),
    };
  }
}

export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // Cleared mail bodies (codes, links) are overwritten on disk, not left in free space for a backup to copy.
  sqlite.pragma("secure_delete = ON");
  return new Kysely<Database>({ dialect: new SqliteWriteLockDialect({ database: sqlite }) });
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
