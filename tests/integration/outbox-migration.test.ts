// Migration 0005 on a database that already holds mail: what was delivered loses its secrets.
import { Migrator, type Kysely } from "kysely";
import { afterEach, expect, it } from "vitest";
import type { DB } from "~/services/db.server";
import { migrationProvider } from "../../db/migrations/index";
import { freshDb } from "../support/test-db";

let db: DB;
let cleanup: () => Promise<void>;
afterEach(async () => cleanup());

it("clears delivered mail and gives waiting sign-in mail its code's end date", async () => {
  ({ db, cleanup } = await freshDb({ empty: true }));
  const migrator = new Migrator({ db, provider: migrationProvider });
  expect((await migrator.migrateTo("0002_content_fingerprint")).error).toBeUndefined();
  const row = (id: string, template: string, status: string) => ({
    id,
    to_address: "bewoner@example.org",
    template,
    subject: `Uw code om in te loggen: 123456 (${id})`,
    text_body: "code 123456 https://fonds.example/inloggen/link/tok",
    html_body: "<p>code 123456</p>",
    status,
    attempts: 1,
    next_attempt_at: "2026-11-23T10:00:00.000Z",
    last_error: null,
    created_at: "2026-11-23T10:00:00.000Z",
    sent_at: status === "sent" ? "2026-11-23T10:00:01.000Z" : null,
  });
  // The old table has no expires_at column yet: insert through an untyped handle.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- db/schema.ts describes the new table, not this old one
  await (db as unknown as Kysely<any>)
    .insertInto("outbox")
    .values([row("sent", "sign-in", "sent"), row("waiting", "sign-in", "pending"), row("dead", "application-received", "failed")])
    .execute();

  expect((await migrator.migrateToLatest()).error).toBeUndefined();
  const rows = await db.selectFrom("outbox").selectAll().orderBy("id").execute();
  const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
  expect(byId.sent).toMatchObject({ status: "sent", subject: "", text_body: "", html_body: "", expires_at: null });
  expect(byId.waiting).toMatchObject({ status: "pending", expires_at: "2026-11-23T10:15:00.000Z" });
  expect(byId.waiting!.text_body).toContain("123456");
  expect(byId.dead).toMatchObject({ status: "failed", expires_at: null });
  expect(byId.dead!.text_body).toContain("123456");
});
