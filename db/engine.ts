// Which engine a kysely connection talks to, for the few places where SQL really differs
// (migrations' triggers and ids, the write lock, claiming mail). Everything else is one query.
import { PostgresAdapter, type DialectAdapter } from "kysely";

export type Engine = "sqlite" | "postgres";

/** DATABASE_URL names PostgreSQL with postgres:// or postgresql://; anything else is a SQLite file. */
export const isPostgresUrl = (target: string) => /^postgres(ql)?:\/\//.test(target);

/** Any kysely connection or transaction, whatever tables it is typed with. */
export function engineOf(db: { getExecutor(): { readonly adapter: DialectAdapter } }): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
