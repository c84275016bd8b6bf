// A sign-in link is single-use also when it is opened twice at the same moment (a mail program
// that opens links to check them, and the person; or two app servers behind a balancer). On
// PostgreSQL both requests read the code as unused under READ COMMITTED; only the write that
// marks it used may decide which of them signs in.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { issueLoginCode, verifyLoginLink } from "~/models/login-codes.server";
import { translator } from "~/i18n/translate";
import type { DB } from "~/services/db.server";
import { freshDb, TEST_ENGINE } from "../support/test-db";

const NOW = new Date("2026-11-23T10:00:00.000Z");
const t = translator("nl");

let db: DB;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(async () => cleanup());

async function linkToken(email: string): Promise<string> {
  expect(await issueLoginCode(db, { email, ip: "192.0.2.1", now: NOW, t, linkBase: "https://fonds.example" })).toEqual({ ok: true });
  const mail = await db.selectFrom("outbox").select("text_body").where("to_address", "=", email).executeTakeFirstOrThrow();
  return /\/inloggen\/link\/([\w-]+)/.exec(mail.text_body)![1]!;
}

describe(`a sign-in link opened twice at once on ${TEST_ENGINE}`, () => {
  it("signs in once", async () => {
    // Several rounds, so that on PostgreSQL the two reads really meet before either write.
    for (let round = 0; round < 8; round++) {
      const email = `dubbel-${round}@example.org`;
      const token = await linkToken(email);
      const results = await Promise.all([verifyLoginLink(db, { token, now: NOW }), verifyLoginLink(db, { token, now: NOW })]);
      expect(
        results.filter((r) => r.ok),
        `round ${round}`,
      ).toHaveLength(1);
      const signIns = await db.selectFrom("audit_log").select("id").where("action", "=", "user.signed_in").where("actor_label", "=", email).execute();
      expect(signIns, `round ${round}`).toHaveLength(1);
    }
  });
});
