// What a database's own catalogue says about its tables, for tools that move whole databases
// (db/copy.ts): columns come from kysely's introspection; primary keys, foreign keys and
// identity sequences from each engine's catalogue, since introspection does not give them.
import { sql, type Kysely } from "kysely";
import { engineOf } from "./engine";

export type TableInfo = {
  name: string;
  columns: string[];
  /** Primary-key columns in key order: rows are read in this order, page by page. */
  primaryKey: string[];
  /** Columns the engine numbers itself (audit_log.id); their sum is one of the copy's checks. */
  generated: string[];
  /** Tables this one points at with a foreign key (itself left out). */
  references: string[];
};

/** Every table of the application (kysely's migration tables left out), by name. */
export async function describeTables(db: Kysely<any>): Promise<Map<string, TableInfo>> {
  const postgres = engineOf(db) === "postgres";
  const schema = postgres ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s : undefined;
  const tables = (await db.introspection.getTables()).filter((t) => !t.isView && t.schema === schema);
  const keys = postgres ? await postgresKeys(db, schema!) : await sqliteKeys(db);
  const result = new Map<string, TableInfo>();
  for (const t of tables) {
    result.set(t.name, {
      name: t.name,
      columns: t.columns.map((c) => c.name),
      primaryKey: keys.primaryKeys.get(t.name) ?? [],
      generated: t.columns.filter((c) => c.isAutoIncrementing).map((c) => c.name),
      references: [...new Set(keys.foreignKeys.get(t.name) ?? [])].filter((r) => r !== t.name).sort(),
    });
  }
  return result;
}

type Keys = { primaryKeys: Map<string, string[]>; foreignKeys: Map<string, string[]> };

function grouped(rows: { table: string; value: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.table, [...(map.get(r.table) ?? []), r.value]);
  return map;
}

async function sqliteKeys(db: Kysely<any>): Promise<Keys> {
  const pk = await sql<{ table: string; value: string }>`
    select m.name as "table", p.name as value from sqlite_master m, pragma_table_info(m.name) p
    where m.type = 'table' and p.pk > 0 order by m.name, p.pk`.execute(db);
  const fk = await sql<{ table: string; value: string }>`
    select m.name as "table", f."table" as value from sqlite_master m, pragma_foreign_key_list(m.name) f
    where m.type = 'table' order by m.name`.execute(db);
  return { primaryKeys: grouped(pk.rows), foreignKeys: grouped(fk.rows) };
}

async function postgresKeys(db: Kysely<any>, schema: string): Promise<Keys> {
  const pk = await sql<{ table: string; value: string }>`
    select c.relname as "table", a.attname as value
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indisprimary and n.nspname = ${schema}
    order by c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db);
  const fk = await sql<{ table: string; value: string }>`
    select c.relname as "table", r.relname as value
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class r on r.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = ${schema}
    order by c.relname`.execute(db);
  return { primaryKeys: grouped(pk.rows), foreignKeys: grouped(fk.rows) };
}

/**
 * Tables in an order in which every row's references already exist (users before applications),
 * alphabetical where the keys leave a choice, so two runs copy in the same order.
 */
export function referenceOrder(tables: ReadonlyMap<string, TableInfo>): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  const remaining = [...tables.keys()].sort();
  while (remaining.length > 0) {
    const next = remaining.find((name) => tables.get(name)!.references.every((r) => done.has(r) || !tables.has(r)));
    if (next === undefined) throw new Error(`Foreign keys go round in a circle between ${remaining.join(", ")}: no order to copy them in.`);
    remaining.splice(remaining.indexOf(next), 1);
    done.add(next);
    order.push(next);
  }
  return order;
}

/**
 * After rows were inserted with their own ids, PostgreSQL's identity sequences still start at 1:
 * move each past the highest id, so the next row the app writes gets a new number. (SQLite's
 * AUTOINCREMENT already follows the highest id inserted.)
 */
export async function resetSequences(db: Kysely<any>, table: TableInfo): Promise<void> {
  if (engineOf(db) !== "postgres") return;
  for (const column of table.generated) {
    // setval(seq, max, true) makes max + 1 the next value; on an empty table (1, false) makes it 1.
    await sql`select setval(pg_get_serial_sequence(${table.name}, ${column}),
      coalesce((select max(${sql.ref(column)}) from ${sql.table(table.name)}), 1),
      (select count(*) > 0 from ${sql.table(table.name)}))`.execute(db);
  }
}
