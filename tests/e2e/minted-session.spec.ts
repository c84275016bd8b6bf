// The signInAs fixture is only a shortcut if the server cannot tell its sessions from real ones:
// the cookie of a real sign-in is signed the same way, and a minted session opens the same pages.
import crypto from "node:crypto";
import { one } from "./db";
import { expect, signInAs, test } from "./fixtures";
import { signIn, uniqueEmail } from "./helpers";
import { sessionCookie, signedSessionValue } from "./minted-session";

function sessionRow(id: string) {
  return one<{ user_id: string; data: string; idle_ms: number }>("SELECT user_id, data, idle_ms FROM sessions WHERE id_hash = ?", [
    crypto.createHash("sha256").update(id).digest("hex"),
  ]);
}

test("a real sign-in's cookie is the session id signed as the fixture signs it", async ({ page }) => {
  await signIn(page, "beoordelaar@example.org");
  const real = (await page.context().cookies()).find((c) => c.name === "__session");
  expect(real, "the app sets __session").toBeDefined();
  const id = (await sessionCookie().parse(`__session=${real!.value}`)) as string | null;
  expect(typeof id, "the fixture's secret and signing read the real cookie").toBe("string");
  expect(await signedSessionValue(id!)).toBe(real!.value);
  const row = await sessionRow(id!);
  expect(row).toBeDefined();
  expect(JSON.parse(row!.data)).toMatchObject({ staff: true });
  expect(row!.idle_ms).toBe(2 * 60 * 60 * 1000);
});

test("a minted session opens the bureau for a reviewer, and a new address becomes a resident", async ({ page }) => {
  await signInAs(page, "beoordelaar@example.org");
  expect((await page.goto("/beheer/aanvragen"))?.status()).toBe(200);
  await expect(page.getByText("Ingelogd als beoordelaar@example.org")).toBeVisible();

  const email = uniqueEmail();
  await signInAs(page, email);
  expect((await page.goto("/mijn-aanvragen"))?.status()).toBe(200);
  await expect(page.getByText(`Ingelogd als ${email}`)).toBeVisible();
  expect((await page.goto("/beheer/aanvragen"))?.status()).toBe(403);
});

test("a tampered minted cookie is not a session", async ({ page }) => {
  await signInAs(page, "fondsbeheer@example.org");
  const cookie = (await page.context().cookies()).find((c) => c.name === "__session")!;
  await page.context().addCookies([{ ...cookie, value: cookie.value.replace(/.$/, (c) => (c === "A" ? "B" : "A")) }]);
  await page.goto("/beheer/aanvragen");
  await expect(page).toHaveURL(/\/inloggen\?terug=/);
});
