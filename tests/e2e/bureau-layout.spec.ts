// The bureau's frame (/beheer): its own menu with only what this person may open, a breadcrumb,
// an error page that keeps the menu, every page still guarding itself; with and without JavaScript.
import { expect, test, type Browser, type Page } from "./fixtures";
import { signIn } from "./helpers";
import { expectNoViolations } from "./axe";

// Each role signs in once for this file (through the real mail path) and its cookies are reused:
// sign-in codes are budgeted per address, and other files sign these people in too.
const sessions = new Map<string, Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>>();
async function signedInPage(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
  if (!sessions.has(email)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    sessions.set(email, await context.storageState());
    await context.close();
  }
  const context = await browser.newContext({ javaScriptEnabled, storageState: sessions.get(email) });
  return context.newPage();
}

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, "page is wider than the screen").toBeLessThanOrEqual(clientWidth);
}

const menu = (page: Page) => page.getByRole("navigation", { name: "Menu van het programmabureau" });
const breadcrumb = (page: Page) => page.getByRole("navigation", { name: "U bent hier" });

for (const javaScriptEnabled of [true, false]) {
  test(`een beoordelaar gaat door het beheer met het menu en het kruimelpad (JavaScript ${javaScriptEnabled ? "aan" : "uit"})`, async ({
    browser,
  }, testInfo) => {
    const page = await signedInPage(browser, "tweede.beoordelaar@example.org", javaScriptEnabled);
    await page.goto("/beheer/aanvragen");
    await expect(menu(page).getByRole("link", { name: "Aanvragen" })).toHaveAttribute("aria-current", "page");
    // Mail that did not arrive is the fund administrator's: not in a reviewer's menu.
    await expect(menu(page).getByRole("link", { name: "E-mails die niet aankwamen" })).toHaveCount(0);
    await expect(breadcrumb(page).getByRole("listitem")).toHaveText(["Programmabureau", "Aanvragen"]);
    // The site's own header link to the bureau stays.
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Aanvragen beheren" })).toBeVisible();

    await page.getByRole("table").getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Geschiedenis" })).toBeVisible();
    const reference = new URL(page.url()).pathname.split("/").pop()!;
    await expect(breadcrumb(page).getByRole("listitem")).toHaveText(["Programmabureau", "Aanvragen", reference]);
    await expect(breadcrumb(page).getByText(reference)).toHaveAttribute("aria-current", "page");
    if (javaScriptEnabled) {
      await expectNoViolations(page, "/beheer/aanvragen/<reference> in the bureau frame");
      await page.screenshot({ path: testInfo.outputPath("beheer-detail-1280.png"), fullPage: true });
    }

    await breadcrumb(page).getByRole("link", { name: "Aanvragen" }).click();
    await expect(page).toHaveURL(/\/beheer\/aanvragen$/);
    await breadcrumb(page).getByRole("link", { name: "Programmabureau" }).click();
    await expect(page).toHaveURL(/\/beheer\/aanvragen$/);
    await expect(page.getByRole("heading", { level: 1, name: "Aanvragen" })).toBeVisible();
    await page.context().close();
  });
}

test("de fondsbeheerder ziet ook de e-mails die niet aankwamen in het menu", async ({ browser }) => {
  const page = await signedInPage(browser, "fondsbeheer@example.org");
  await page.goto("/beheer/aanvragen");
  await menu(page).getByRole("link", { name: "E-mails die niet aankwamen" }).click();
  await expect(page).toHaveURL(/\/beheer\/mail$/);
  await expect(page.getByRole("heading", { level: 1, name: "E-mails die niet aankwamen" })).toBeVisible();
  await expect(menu(page).getByRole("link", { name: "E-mails die niet aankwamen" })).toHaveAttribute("aria-current", "page");
  await expect(breadcrumb(page).getByRole("listitem")).toHaveText(["Programmabureau", "E-mails die niet aankwamen"]);
  await expectNoViolations(page, "/beheer/mail in the bureau frame");
});

test("een foutpagina in het beheer houdt het menu; elke pagina controleert zelf wie er mag kijken", async ({ browser }, testInfo) => {
  const page = await signedInPage(browser, "tweede.beoordelaar@example.org");
  // The layout lets a reviewer in, the page itself does not.
  expect((await page.goto("/beheer/mail"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Geen toegang" })).toBeVisible();
  await expect(menu(page).getByRole("link", { name: "Aanvragen" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Terug naar de aanvragen" })).toBeVisible();
  await expectNoViolations(page, "403 in the bureau frame");

  expect((await page.goto("/beheer/aanvragen/IF-1999-9999"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Deze pagina bestaat niet" })).toBeVisible();
  await expect(menu(page)).toBeVisible();
  // The breadcrumb does not repeat the unknown number from the address.
  await expect(breadcrumb(page).getByRole("listitem")).toHaveText(["Programmabureau"]);
  await expectNoViolations(page, "404 in the bureau frame");
  await page.screenshot({ path: testInfo.outputPath("beheer-404-1280.png"), fullPage: true });
});

test("wie niet bij het bureau hoort, krijgt geen menu van het bureau te zien", async ({ browser }) => {
  const page = await signedInPage(browser, "bewoner@example.org");
  for (const path of ["/beheer", "/beheer/aanvragen", "/beheer/mail"]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(403);
    const html = await response.text();
    expect(html, path).not.toContain("Menu van het programmabureau");
    expect(html, path).not.toContain("E-mails die niet aankwamen");
  }
  await page.goto("/beheer/aanvragen");
  await expect(page.getByRole("heading", { level: 1, name: "Geen toegang" })).toBeVisible();
  await expect(menu(page)).toHaveCount(0);
});

test("/beheer opent de eerste pagina van het bureau", async ({ page, browser }) => {
  const anonymous = await page.request.get("/beheer", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  expect(anonymous.headers()["location"]).toBe("/inloggen?terug=%2Fbeheer");
  page = await signedInPage(browser, "tweede.beoordelaar@example.org");
  const reviewer = await page.request.get("/beheer", { maxRedirects: 0 });
  expect(reviewer.status()).toBe(302);
  expect(reviewer.headers()["location"]).toBe("/beheer/aanvragen");
});

test.describe("op een telefoon (390 px breed)", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("het menu en het kruimelpad passen in de breedte", async ({ browser }, testInfo) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      storageState: sessions.get("fondsbeheer@example.org"),
    });
    const page = await context.newPage();
    if (!sessions.has("fondsbeheer@example.org")) await signIn(page, "fondsbeheer@example.org");
    await page.goto("/beheer/aanvragen");
    await expect(menu(page)).toBeVisible();
    await expectNoHorizontalScroll(page);
    for (const name of ["Aanvragen", "E-mails die niet aankwamen"]) {
      const box = (await menu(page).getByRole("link", { name }).boundingBox())!;
      expect(box.x + box.width, name).toBeLessThanOrEqual(390);
      expect(box.height, `${name} is big enough to tap`).toBeGreaterThanOrEqual(24);
    }
    await expectNoViolations(page, "/beheer/aanvragen on a phone");
    await page.screenshot({ path: testInfo.outputPath("beheer-aanvragen-390.png"), fullPage: true });
  });
});
