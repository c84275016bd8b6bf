// The browser tests' one door to the e2e server's database, on either engine: they read it to
// prove what a request did (or did not) write, and write to it to set up what no page can (a
// dead letter, a session, an old closing date). playwright.config.ts sets E2E_DATABASE_URL to the
// server's own DATABASE_URL: `file:<path>` (SQLite) or `postgres://…` (PostgreSQL).
//
// SQL is written once, with `?` placeholders, in the subset both engines read the same way; for
// PostgreSQL the `?` become `$1..$n`. int8 and numeric (COUNT(*), bigint columns) come back as
// numbers on both, as in the app (app/services/db.server.ts); booleans are 0/1 integers in our
// schema and timestamps ISO text, so rows compare the same on both.
import Database from "better-sqlite3";
import pg from "pg";

export type Engine = "sqlite" | "postgres";
export type Param = string | number | null;
export type Row = Record<string, unknown>;

export interface Queries {
  /** Every row the statement returns. */
  query<T = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  /** The first row, or undefined. */
  one<T = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  /** A statement that returns no rows; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
}

function databaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (see playwright.config.ts)");
  return url;
}

export { isPostgresUrl } from "../../db/engine";
import { isPostgresUrl } from "../../db/engine";

/** The engine the e2e server runs on. */
export function engine(): Engine {
  return isPostgresUrl(databaseUrl()) ? "postgres" : "sqlite";
}

/** `?` → `$1..$n`, leaving quoted strings and identifiers alone. */
export function toPostgresPlaceholders(sql: string): string {
  let out = "";
  let n = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null; // a doubled quote ('') closes and reopens: same result
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === "?") {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  return out;
}

// ---- SQLite: a connection per call, as the server keeps writing (WAL lets us read meanwhile).

function sqliteFile(): string {
  return databaseUrl().replace(/^file:/, "");
}

function openSqlite(readonly: boolean): Database.Database {
  const db = new Database(sqliteFile(), { readonly, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

function sqliteQueries(connection: () => Database.Database, done: (db: Database.Database) => void): Queries {
  const use = <R>(fn: (db: Database.Database) => R): R => {
    const db = connection();
    try {
      return fn(db);
    } finally {
      done(db);
    }
  };
  return {
    query: async <T>(sql: string, params: readonly Param[] = []) => use((db) => db.prepare(sql).all(...params) as T[]),
    one: async <T>(sql: string, params: readonly Param[] = []) => use((db) => db.prepare(sql).get(...params) as T | undefined),
    run: async (sql: string, params: readonly Param[] = []) => use((db) => db.prepare(sql).run(...params).changes),
  };
}

// ---- PostgreSQL: one small pool per test worker, let go when idle so the worker can exit.

const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === PG_INT8 || oid === PG_NUMERIC ? Number : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

let pool: pg.Pool | undefined;
function pgPool(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: databaseUrl(), max: 2, types: pgTypes, idleTimeoutMillis: 1000, allowExitOnIdle: true });
  return pool;
}

function pgQueries(client: () => pg.Pool | pg.PoolClient): Queries {
  const exec = (sql: string, params: readonly Param[]) => client().query(toPostgresPlaceholders(sql), [...params]);
  return {
    query: async <T>(sql: string, params: readonly Param[] = []) => (await exec(sql, params)).rows as T[],
    one: async <T>(sql: string, params: readonly Param[] = []) => (await exec(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params: readonly Param[] = []) => (await exec(sql, params)).rowCount ?? 0,
  };
}

// ---- The API the tests use.

function queries(): Queries {
  if (engine() === "postgres") return pgQueries(pgPool);
  // Reads open the file read-only, so a test that only looks cannot change what it looks at.
  const reads = sqliteQueries(
    () => openSqlite(true),
    (db) => db.close(),
  );
  const writes = sqliteQueries(
    () => openSqlite(false),
    (db) => db.close(),
  );
  return { query: reads.query, one: reads.one, run: writes.run };
}

export const query = <T = Row>(sql: string, params: readonly Param[] = []) => queries().query<T>(sql, params);
export const one = <T = Row>(sql: string, params: readonly Param[] = []) => queries().one<T>(sql, params);
export const run = (sql: string, params: readonly Param[] = []) => queries().run(sql, params);

/** Runs `fn` in one transaction (SQLite: BEGIN IMMEDIATE, waiting for the server's writer); rolls back when it throws. */
export async function transaction<T>(fn: (tx: Queries) => Promise<T>): Promise<T> {
  if (engine() === "postgres") {
    const client = await pgPool().connect();
    try {
      await client.query("BEGIN");
      const result = await fn(pgQueries(() => client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
  }
  const db = openSqlite(false);
  try {
    db.exec("BEGIN IMMEDIATE");
    try {
      const result = await fn(
        sqliteQueries(
          () => db,
          () => {},
        ),
      );
      db.exec("COMMIT");
      return result;
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  } finally {
    db.close();
  }
}
