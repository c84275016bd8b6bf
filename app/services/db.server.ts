// The database connection, migrated on first use. Two engines, one set of models and migrations
// (docs/decisions/110-postgresql-second-engine.md):
// - SQLite (the default): one file in WAL mode with foreign keys on, for one app process.
// - PostgreSQL (`DATABASE_URL=postgres://…`): a pg pool, for several app processes on one database.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type TransactionSettings,
  type Transaction,
} from "kysely";
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

export { engineOf, isPostgresUrl, type Engine } from "../../db/engine";
import { isPostgresUrl } from "../../db/engine";

/** Where the data lives, for log lines: a URL's password is left out. */
export function describeDatabase(target: string): string {
  if (!isPostgresUrl(target)) return target;
  const url = new URL(target);
  url.password = url.password ? "***" : "";
  return url.toString();
}

/** A SQLite file path (or `file:path`, or ":memory:") or a postgres:// URL. */
export function openDatabase(target: string, options: { poolSize?: number } = {}): DB {
  return isPostgresUrl(target) ? openPostgres(target, options.poolSize ?? 10) : openSqlite(target.replace(/^file:/, ""));
}

// int8 (COUNT(*), bigint columns) and numeric (SUM over bigint) arrive as strings from pg, since
// JavaScript numbers are exact only up to 2^53. Our integers are cents, counts and milliseconds,
// far below that; a value that is not exact is refused rather than silently rounded.
function exactNumber(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) && !(Number.isFinite(n) && /[.eE]/.test(text))) throw new Error(`number out of range: ${text}`);
  return n;
}
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === PG_INT8 || oid === PG_NUMERIC ? exactNumber : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

function openPostgres(url: string, max: number): DB {
  const pool = new pg.Pool({ connectionString: url, max, types: pgTypes, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its connection (a server restart) must not crash the process.
  // eslint-disable-next-line no-console -- one line in the error log, as error-log.server.ts writes them
  pool.on("error", (error) => console.error(`[error] PostgreSQL pool: ${error.message}`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function openSqlite(file: string): DB {
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
  if (failed) throw new Error(`Migration ${failed.migrationName} failed: ${String(error)}`);
  // No migration ran into it: the database itself could not be reached or used.
  if (error) throw new Error(`The database cannot be used: ${String(error)}`);
}

// One connection per process; kept on globalThis so development rebuilds reuse it.
const holder = globalThis as unknown as { __inwonersfondsDb?: Promise<DB> };

export function getDb(): Promise<DB> {
  holder.__inwonersfondsDb ??= (async () => {
    const db = openDatabase(config().database, { poolSize: config().databasePoolSize });
    await migrateToLatest(db);
    return db;
  })().catch((error: unknown) => {
    // A failed start is not kept: the next call tries again instead of failing for ever.
    holder.__inwonersfondsDb = undefined;
    throw error;
  });
  return holder.__inwonersfondsDb;
}
