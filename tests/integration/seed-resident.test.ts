// The demo data shows the resident's side of issue 15: answers to the form's two optional
// questions on several applications, and one application its resident withdrew (linked to their
// account by address, through the one write path, with its mail's audit trail).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, TEST_SETTINGS } from "../support/test-db";
import { seedDemo } from "../../db/seed";
import { residentHistoryByReference } from "~/models/resident-history.server";
import type { DB } from "~/services/db.server";

let db: DB;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await freshDb());
  await seedDemo(db, TEST_SETTINGS, new Date("2026-11-23T10:00:00Z"));
});
afterAll(() => cleanup());

describe("the demo data", () => {
  it("has answers to the optional questions on several applications", async () => {
    const answered = await db.selectFrom("applications").select(["help_wanted_json", "found_via"]).where("found_via", "is not", null).execute();
    expect(answered.length).toBeGreaterThanOrEqual(5);
    expect(answered.filter((a) => a.help_wanted_json !== null).length).toBeGreaterThanOrEqual(4);
  });

  it("has an application withdrawn by its resident, with consistent audit rows", async () => {
    const withdrawn = await db.selectFrom("applications").selectAll().where("status", "=", "withdrawn").execute();
    expect(withdrawn).toHaveLength(1);
    const app = withdrawn[0]!;
    expect(app.closed_at).not.toBeNull();
    const user = await db.selectFrom("users").select(["id", "email"]).where("id", "=", app.applicant_user_id!).executeTakeFirstOrThrow();
    expect(user.email).toBe(app.applicant_email);
    const audits = await db.selectFrom("audit_log").select(["action", "actor_label"]).where("entity_id", "=", app.id).orderBy("id").execute();
    expect(audits.map((a) => a.action)).toEqual(["application.submitted", "application.applicant_linked", "application.withdrawn"]);
    expect((await residentHistoryByReference(db, app.reference)).map((h) => h.step)).toEqual(["received", "withdrawn"]);
  });
});
