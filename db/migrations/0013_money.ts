// The money (issue 16): who funds the fund, the pots their money sits in, and the ledger of what
// happens to that money (decision 140). The ledger is append-only like the audit log (decision
// 088): balances are sums over it, never stored. Portable (decision 110): text ids, ISO text
// timestamps, "YYYY-MM-DD" dates, integer cents, JSON as text, booleans 0/1.
import { sql, type Kysely } from "kysely";
import { engineOf } from "../engine";
import { bigInteger, makeAppendOnly } from "../portable";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("funders")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    // There is no organisations table yet; users.organisation_id is the same plain text key.
    .addColumn("organisation_id", "text")
    .addColumn("invented", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("funders_kind", sql`kind in ('rijk', 'gemeente', 'partner')`)
    .execute();

  await db.schema
    .createTable("pots")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("funder_id", "text", (c) => c.notNull().references("funders.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("period_start", "text", (c) => c.notNull())
    // The current end; every extension is kept in pot_end_changes.
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("earmarks_json", "text", (c) => c.notNull().defaultTo("{}"))
    // The split's stated order: lower first (domain/split.ts).
    .addColumn("priority", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("invented", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("pots_period", sql`period_start <= period_end`)
    .execute();

  await db.schema
    .createTable("pot_end_changes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pot_id", "text", (c) => c.notNull().references("pots.id"))
    .addColumn("old_end", "text", (c) => c.notNull())
    .addColumn("new_end", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "text")
    .addColumn("actor_label", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("pot_end_changes_by_pot").on("pot_end_changes").columns(["pot_id", "at"]).execute();

  await db.schema
    .createTable("ledger_entries")
    // A rising number keeps the order of history on both engines (as audit_log.id).
    .addColumn("id", bigInteger(db), (c) => (engineOf(db) === "postgres" ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn("operation_id", "text", (c) => c.notNull())
    .addColumn("pot_id", "text", (c) => c.notNull().references("pots.id"))
    // The grant; null for an allocation (money into a pot).
    .addColumn("application_id", "text", (c) => c.references("applications.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("cents", bigInteger(db), (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "text")
    .addColumn("actor_label", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addUniqueConstraint("ledger_entries_operation_pot", ["operation_id", "pot_id"])
    .addCheckConstraint("ledger_entries_kind", sql`kind in ('allocation', 'commitment', 'disbursement', 'release')`)
    .addCheckConstraint("ledger_entries_positive", sql`cents > 0`)
    .execute();
  // Balances per pot (SUM by kind) and per grant read only these indexes' ranges.
  await db.schema.createIndex("ledger_entries_by_pot").on("ledger_entries").columns(["pot_id", "kind", "cents"]).execute();
  await db.schema.createIndex("ledger_entries_by_application").on("ledger_entries").columns(["application_id", "pot_id"]).execute();
  await makeAppendOnly(db, "ledger_entries");

  await db.schema
    .createTable("in_kind_contributions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("funder_id", "text", (c) => c.notNull().references("funders.id"))
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    // What it is worth; never money a grant can be paid from (it is not in any pot).
    .addColumn("value_cents", bigInteger(db), (c) => c.notNull())
    .addColumn("invented", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["in_kind_contributions", "ledger_entries", "pot_end_changes", "pots", "funders"]) {
    await db.schema.dropTable(table).execute();
  }
  if (engineOf(db) === "postgres") await sql`drop function if exists ledger_entries_append_only()`.execute(db);
}
