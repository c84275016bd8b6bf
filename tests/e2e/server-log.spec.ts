// The stderr watch of fixtures.ts can fail: lines are written into the server's stderr file as
// the server would, and the tests that must fail are marked so (test.fail: they pass only when
// the fixture really fails them).
import fs from "node:fs";
import { expect, test } from "./fixtures";

const log = (line: string) => fs.appendFileSync(process.env.E2E_SERVER_STDERR!, `${line}\n`);

test.describe("server log watch", () => {
  test("an unexpected line fails the test (test.fail: must fail)", async ({ page }) => {
    test.fail();
    expect((await page.goto("/"))?.status()).toBe(200);
    log("[error] GET /: something nobody expected");
  });

  test("a declared line is allowed", async ({ expectServerLog }) => {
    expectServerLog(/^\[error\] POST \/inloggen: deliberately provoked$/);
    log("[error] POST /inloggen: deliberately provoked");
  });

  test("a declared line does not allow a stack trace under it (test.fail: must fail)", async ({ expectServerLog }) => {
    test.fail();
    expectServerLog(/^\[error\] POST \/inloggen: deliberately provoked$/);
    log("[error] POST /inloggen: deliberately provoked\n    at handler (app/routes/inloggen._index.tsx:1:1)");
  });

  test("a declared line that never comes fails the test (test.fail: must fail)", async ({ expectServerLog }) => {
    test.fail();
    expectServerLog(/^\[error\] this is never logged$/);
  });

  test("a visitor's 404 logs nothing (entry.server's handleError)", async ({ page }) => {
    expect((await page.goto("/bestaat-niet"))?.status()).toBe(404);
    expect((await page.request.post("/", { form: { x: "1" }, headers: { Origin: new URL(page.url()).origin } })).status()).toBe(405);
  });
});
