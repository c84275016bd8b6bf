// The column types and constraints that differ between SQLite and PostgreSQL, in one place, so a
// migration says what it means once (docs/decisions/110-postgresql-second-engine.md). SQLite keeps
// exactly the DDL it had before PostgreSQL came, so existing files need no new migration.
import { sql, type ColumnDataType, type Kysely } from "kysely";
import { engineOf } from "./engine";

/** An integer that may pass 2^31 (milliseconds, sums of cents): SQLite's integer is 64-bit already. */
export function bigInteger(db: Kysely<any>): ColumnDataType {
  return engineOf(db) === "postgres" ? "bigint" : "integer";
}

/** Makes a table refuse every UPDATE and DELETE (and TRUNCATE on PostgreSQL): history is never rewritten. */
export async function makeAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  const message = `${table} is append-only`;
  if (engineOf(db) === "postgres") {
    const fn = sql.id(`${table}_append_only`);
    await sql`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${sql.raw(message)}'; END $$`.execute(db);
    await sql`CREATE TRIGGER ${sql.id(`${table}_no_update`)} BEFORE UPDATE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION ${fn}()`.execute(db);
    await sql`CREATE TRIGGER ${sql.id(`${table}_no_delete`)} BEFORE DELETE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION ${fn}()`.execute(db);
    await sql`CREATE TRIGGER ${sql.id(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${sql.table(table)} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`.execute(db);
    return;
  }
  await sql`CREATE TRIGGER ${sql.id(`${table}_no_update`)} BEFORE UPDATE ON ${sql.table(table)} BEGIN SELECT RAISE(ABORT, '${sql.raw(message)}'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER ${sql.id(`${table}_no_delete`)} BEFORE DELETE ON ${sql.table(table)} BEGIN SELECT RAISE(ABORT, '${sql.raw(message)}'); END`.execute(
    db,
  );
}
