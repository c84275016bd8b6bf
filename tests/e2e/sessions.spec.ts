// Sessions live on the server: signing out ends them, so a copied cookie is worth nothing after.
import AxeBuilder from "@axe-core/playwright";
import { query } from "./db";
import { expect, test, type BrowserContext } from "./fixtures";
import { signIn, uniqueEmail } from "./helpers";

async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === "__session");
  expect(cookie, "session cookie").toBeTruthy();
  return cookie!;
}

function sessionRows() {
  return query<{ user_id: string | null; revoked_at: string | null; data: string }>("SELECT user_id, revoked_at, data FROM sessions");
}

test("a cookie saved before sign-out is refused afterwards", async ({ browser, page, context }) => {
  await signIn(page, uniqueEmail());
  const saved = await sessionCookie(context);
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByRole("link", { name: "Inloggen" })).toBeVisible();

  const thief = await browser.newContext();
  await thief.addCookies([saved]);
  const response = await thief.request.get("/mijn-aanvragen", { maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).toMatch(/^\/inloggen\?terug=/);
  await thief.close();
});

test("signing in starts a fresh session: the cookie from before is not the one after", async ({ page, context }) => {
  const email = uniqueEmail();
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een code" }).click();
  await expect(page).toHaveURL(/\/inloggen\/code$/);
  const before = await sessionCookie(context);
  await page.goto("/inloggen");
  await signIn(page, email);
  const after = await sessionCookie(context);
  expect(after.value).not.toBe(before.value);
  // The pre-sign-in session (with the address waiting for a code) is ended, and its values are not carried over.
  const rows = await sessionRows();
  expect(rows.some((r) => r.user_id === null && r.data.includes("pendingEmail") && r.revoked_at !== null)).toBe(true);
  expect(rows.filter((r) => r.user_id !== null && r.revoked_at === null).every((r) => !r.data.includes("pendingEmail"))).toBe(true);
  // The cookie holds an id only, not the user or the address.
  expect(Buffer.from(decodeURIComponent(after.value).split(".")[0]!, "base64").toString()).not.toContain("bewoner");
});

test("sign out on all devices ends the sessions in other browsers too", async ({ browser }) => {
  const phone = await browser.newContext();
  const laptop = await browser.newContext({ javaScriptEnabled: false });
  const phonePage = await phone.newPage();
  const laptopPage = await laptop.newPage();
  const email = uniqueEmail();
  await signIn(phonePage, email);
  await signIn(laptopPage, email);
  // The sign-out page itself passes an accessibility scan (axe needs JavaScript: the phone has it on).
  await phonePage.goto("/uitloggen");
  const axe = await new AxeBuilder({ page: phonePage }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await laptopPage.getByRole("link", { name: "Op alle apparaten uitloggen" }).click();
  await expect(laptopPage.getByRole("heading", { name: "Uitloggen", level: 1 })).toBeVisible();
  await laptopPage.getByRole("button", { name: "Uitloggen op alle apparaten" }).click();
  await expect(laptopPage.getByRole("link", { name: "Inloggen" })).toBeVisible();

  const response = await phone.request.get("/mijn-aanvragen", { maxRedirects: 0 });
  expect(response.status()).toBe(302);
  await phone.close();
  await laptop.close();
});
