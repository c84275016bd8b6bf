// Databases of their own for the browser tests on a PostgreSQL cluster (TEST_PG_URL, the admin
// URL that scripts/pg-cluster.sh prints): made fresh before a server starts, dropped after.
import pg from "pg";

/** The URL of database `name` on the same cluster as `adminUrl`. */
export function databaseUrlOn(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// A name we make ourselves (letters, digits, _): safe to put in DDL, which takes no parameters.
function checkedName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  return name;
}

async function onAdmin(adminUrl: string, sql: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const statement of sql) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Drops `name` (ending its connections: a server of an earlier run may still hold some) and creates it empty. */
export function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  const n = checkedName(name);
  return onAdmin(adminUrl, [`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`, `CREATE DATABASE ${n}`]);
}

export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return onAdmin(adminUrl, [`DROP DATABASE IF EXISTS ${checkedName(name)} WITH (FORCE)`]);
}
