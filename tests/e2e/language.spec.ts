// The language link: English and back, on the same page, remembered while browsing.
import { expect, test } from "./fixtures";

test("de taallink zet de site in het Engels en weer terug", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  const toEnglish = page.getByRole("link", { name: "Read this site in English" });
  await expect(toEnglish).toHaveText("English");
  await expect(toEnglish).toHaveAttribute("lang", "en");
  await toEnglish.click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Do you have an idea for your neighbourhood?" })).toBeVisible();

  // The choice stays while browsing: the form is in English too.
  await page.getByRole("link", { name: "Apply for money for your idea" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Apply for money for your idea" })).toBeVisible();
  await expect(page.getByLabel("Your name")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Organising encounters" })).toBeVisible();
  await page.getByRole("button", { name: "Send my application" }).click();
  await expect(page.getByRole("heading", { name: "10 things are not right yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Fill in your name." })).toBeVisible();

  // Back to Dutch, on the same page.
  await page.getByRole("link", { name: "Lees deze site in het Nederlands" }).click();
  await expect(page).toHaveURL(/\/aanvragen\/nieuw$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("heading", { level: 1, name: "Vraag geld aan voor uw idee" })).toBeVisible();
  await expect(page.getByLabel("Uw naam")).toBeVisible();
  await expect(page.getByRole("link", { name: "Read this site in English" })).toBeVisible();
});

test("de taallink werkt ook zonder JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/inloggen");
  await page.getByRole("link", { name: "Read this site in English" }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.getByLabel("E-mail address")).toBeVisible();
  await page.getByRole("link", { name: "Lees deze site in het Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
  await context.close();
});

test("de taallink stuurt niet door naar een andere website", async ({ page }) => {
  const response = await page.request.get("/taal/en?terug=https://evil.example/", { maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).not.toContain("evil.example");
  expect((await page.request.get("/taal/fr", { maxRedirects: 0 })).status()).toBe(404);
});
