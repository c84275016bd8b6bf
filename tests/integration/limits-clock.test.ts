// A limit counts every request that got through, also one whose clock said a moment later: two
// requests at once (or two servers whose clocks differ by a little) read the clock before they
// wait for the limit's lock, so the one served second may carry the earlier time. Found by the
// two-server test (tests/e2e/two-servers.spec.ts): five applications from one address through
// two servers at once were all stored, where three an hour are allowed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { submitApplicationWithinLimits } from "~/models/applications.server";
import { issueLoginCode } from "~/models/login-codes.server";
import { translator } from "~/i18n/translate";
import type { DB } from "~/services/db.server";
import { applicationInput, submitContext } from "../support/applications";
import { count, freshDb, TEST_ENGINE } from "../support/test-db";

const T = new Date("2026-11-23T10:00:00.000Z");
const LATER = new Date(T.getTime() + 250);
const t = translator("nl");

let db: DB;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(async () => cleanup());

describe(`limits on ${TEST_ENGINE}, when the request served last read the clock first`, () => {
  it("three applications an hour per address", async () => {
    const send = (i: number, now: Date) =>
      submitApplicationWithinLimits(db, applicationInput({ email: "vaak@example.org", title: `Idee ${i}` }), { ...submitContext({ now }), ip: `192.0.2.${i}` });
    for (const i of [1, 2, 3]) expect((await send(i, LATER)).ok).toBe(true);
    expect(await send(4, T)).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await count(db, "applications")).toBe(3);
  });

  it("five sign-in mails per address in 15 minutes", async () => {
    const ask = (i: number, now: Date) => issueLoginCode(db, { email: "vaak@example.org", ip: `192.0.2.${i}`, now, t, linkBase: "https://fonds.example" });
    for (const i of [1, 2, 3, 4, 5]) expect((await ask(i, LATER)).ok).toBe(true);
    expect(await ask(6, T)).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await count(db, "login_codes")).toBe(5);
  });
});
