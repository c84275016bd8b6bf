// Batched inserts through kysely, so the same code fills SQLite and PostgreSQL. A statement holds
// as many rows as fit under both engines' bound-parameter limits (SQLite 32,766, PostgreSQL
// 65,535); a transaction holds several statements, so a commit is not paid per row.
import type { Insertable } from "kysely";
import type { Database } from "../../db/schema";
import type { DB } from "../../app/services/db.server";

const MAX_PARAMETERS = 30_000;
const MAX_ROWS_PER_STATEMENT = 1_000;
const ROWS_PER_TRANSACTION = 20_000;

export type TableName = keyof Database;

/** Inserts the rows in order; returns how many. */
export async function insertRows<T extends TableName>(db: DB, table: T, rows: readonly Insertable<Database[T]>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]!).length;
  const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns)));
  for (let start = 0; start < rows.length; start += ROWS_PER_TRANSACTION) {
    const slice = rows.slice(start, start + ROWS_PER_TRANSACTION);
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < slice.length; i += perStatement) {
        // kysely's generic insert over a table name chosen at run time needs this cast.
        await trx
          .insertInto(table)
          .values(slice.slice(i, i + perStatement) as never)
          .execute();
      }
    });
  }
  return rows.length;
}
