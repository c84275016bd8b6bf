// Two optional questions on the application form (issue 15): what help besides money the resident
// asks for (a JSON list of domain/review HELP_KINDS, as text) and how they came to the fund (one
// of FOUND_VIA, with a short text of their own for "other"). Portable: plain text columns, null
// when not answered, so rows from before this migration read as "not answered".
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("applications").addColumn("help_wanted_json", "text").execute();
  await db.schema.alterTable("applications").addColumn("found_via", "text").execute();
  await db.schema.alterTable("applications").addColumn("found_via_other", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("applications").dropColumn("found_via_other").execute();
  await db.schema.alterTable("applications").dropColumn("found_via").execute();
  await db.schema.alterTable("applications").dropColumn("help_wanted_json").execute();
}
