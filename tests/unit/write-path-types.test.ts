// Checked by `tsc --noEmit`: in-transaction helpers refuse a plain connection, and typed columns
// refuse values outside their union. If a helper accepted `DB` again, or a column went back to
// `string`, the @ts-expect-error lines below would be unused, and tsc would fail.
import { describe, expect, it } from "vitest";
import type { DB } from "~/services/db.server";
import { writeAudit } from "~/models/audit.server";
import { enqueueMail } from "~/models/outbox.server";
import { nextReference } from "~/models/reference-numbers.server";
import { createUser } from "~/models/users.server";

// Never called: only type-checked.
export async function misuse(db: DB) {
  const at = new Date().toISOString();
  // @ts-expect-error writeAudit outside a transaction
  await writeAudit(db, { at, actor: { userId: null, label: "x" }, action: "draft.saved", entityType: "draft", entityId: "1" });
  // @ts-expect-error enqueueMail outside a transaction
  await enqueueMail(db, { to: "a@example.org", template: "sign-in", rendered: { subject: "", text: "", html: "" }, at });
  // @ts-expect-error a reference number outside a transaction
  await nextReference(db, 2027);
  // @ts-expect-error createUser writes an audit row, so it needs a transaction
  await createUser(db, { email: "a@example.org", name: "A", roles: ["resident"], at });
  await db.transaction().execute(async (trx) => {
    // @ts-expect-error an audit action nobody knows
    await writeAudit(trx, { at, actor: { userId: null, label: "x" }, action: "application.approvd", entityType: "application", entityId: "1" });
    // @ts-expect-error a status the lifecycle does not have
    await trx.updateTable("applications").set({ status: "aproved" }).execute();
    // @ts-expect-error a role the permission table does not have
    await trx.insertInto("user_roles").values({ user_id: "1", role: "admin" }).execute();
    // @ts-expect-error an outbox template that has no renderer
    await trx.updateTable("outbox").set({ template: "newsletter" }).execute();
    // @ts-expect-error JSON columns take what toJson made, not any string
    await trx.updateTable("drafts").set({ payload: "{}" }).execute();
  });
}

describe("write path types", () => {
  it("are checked by tsc (see the @ts-expect-error lines)", () => {
    expect(typeof misuse).toBe("function");
  });
});
