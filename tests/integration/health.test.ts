// /health against a real SQLite file, as the server opens it from DATABASE_URL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inwonersfonds-health-"));
process.env.DATABASE_URL = `file:${path.join(dir, "health.sqlite")}`;
process.env.SESSION_SECRET = "health-test-secret-that-is-long-enough-0123456789";

const { loader } = await import("~/routes/health");
const { getDb } = await import("~/services/db.server");
const { enqueueMail } = await import("~/models/outbox.server");

beforeAll(async () => {
  await getDb();
});
afterAll(async () => {
  await (await getDb()).destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function health() {
  const response = await loader();
  return { status: response.status, type: response.headers.get("Content-Type"), body: JSON.parse(await response.text()) };
}

describe("/health", () => {
  it("answers 200 with the mail queue, and says when dead letters wait for a person", async () => {
    expect(await health()).toEqual({
      status: 200,
      type: "application/json; charset=utf-8",
      body: { status: "ok", database: "ok", mail: { pending: 0, deadLetters: 0 } },
    });
    const db = await getDb();
    const rendered = { subject: "s", text: "t", html: "h" };
    const at = new Date().toISOString();
    await db.transaction().execute((trx) => enqueueMail(trx, { to: "a@example.org", template: "sign-in", rendered, at }));
    const dead = await db.transaction().execute((trx) => enqueueMail(trx, { to: "b@example.org", template: "sign-in", rendered, at }));
    await db.updateTable("outbox").set({ status: "failed" }).where("id", "=", dead).execute();
    expect(await health()).toMatchObject({ status: 200, body: { status: "attention", mail: { pending: 1, deadLetters: 1 } } });
  });
});
