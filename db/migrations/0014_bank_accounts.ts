// Where a grant is paid to (issue 16): one bank account per application, given by the resident
// after approval (or entered by the bureau for them). Changed in place; the change is audited
// with the IBAN masked (decision 150), so the append-only audit log never holds the full number.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("bank_accounts")
    .addColumn("application_id", "text", (c) => c.primaryKey().references("applications.id"))
    // Normalised: capitals, no spaces; check digits verified before it is stored (domain/iban.ts).
    .addColumn("iban", "text", (c) => c.notNull())
    .addColumn("holder_name", "text", (c) => c.notNull())
    .addColumn("entered_by_user_id", "text")
    .addColumn("entered_by_label", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("bank_accounts").execute();
}
