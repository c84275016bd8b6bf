// A real database per test file, migrated and with the reference data in it: a SQLite file by
// default, or a fresh database in a PostgreSQL cluster with TEST_DATABASE=postgres and
// TEST_PG_URL=<the cluster's admin URL> (scripts/test.sh starts a throwaway one for the suite).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, migrateToLatest, type DB, type Engine } from "~/services/db.server";
import { seedReferenceData } from "../../db/seed";
import { createUser } from "~/models/users.server";
import { testFunding } from "./funding";
import type { FundSettings } from "~/models/lifecycle-context.server";

export const TEST_ENGINE: Engine = process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";

export type FreshDb = {
  db: DB;
  /** What DATABASE_URL would say to reach it: `file:…` or `postgres://…`. */
  url: string;
  /** The SQLite file, or null on PostgreSQL. */
  file: string | null;
  cleanup: () => Promise<void>;
};

/**
 * `empty: true` gives a database with no tables yet, for tests of a migration on old data.
 * Otherwise it has the reference data and, unless `funding: false`, a Rijk pot and a partner pot
 * with room for every approval a test makes (tests/support/funding.ts).
 */
export async function freshDb(options: { empty?: boolean; funding?: boolean } = {}): Promise<FreshDb> {
  const fresh = TEST_ENGINE === "postgres" ? await freshPostgres() : freshSqlite();
  if (options.empty) return fresh;
  await migrateToLatest(fresh.db);
  await seedReferenceData(fresh.db);
  if (options.funding !== false) await testFunding(fresh.db);
  return fresh;
}

function freshSqlite(): FreshDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inwonersfonds-test-"));
  const file = path.join(dir, "test.sqlite");
  const db = openDatabase(file);
  return {
    db,
    url: `file:${file}`,
    file,
    cleanup: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The admin URL of the test cluster, with another database name. */
export function postgresUrl(database: string): string {
  const admin = process.env.TEST_PG_URL;
  if (!admin) throw new Error("TEST_DATABASE=postgres needs TEST_PG_URL (the admin URL of a cluster, see scripts/pg-cluster.sh)");
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement on the cluster's admin database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl("postgres") });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function freshPostgres(): Promise<FreshDb> {
  const name = `test_${crypto.randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = postgresUrl(name);
  const db = openDatabase(url);
  return {
    db,
    url,
    file: null,
    cleanup: async () => {
      await db.destroy();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
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
