// WCAG 2.2 AA checks with axe on every page a resident or the bureau uses, and the form on a phone.
import { expect, signInAs, test, type Page } from "./fixtures";
import { errorSummary, expectThanksPage, fillForm, signIn, submitButton, validValues, waitForHydration } from "./helpers";
import { expectNoViolations } from "./axe";

test.describe("toegankelijkheid (axe, WCAG 2.2 AA)", () => {
  test("startpagina", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoViolations(page, "/");
  });

  test("formulier leeg, met fouten, en de bevestiging", async ({ page }) => {
    await page.goto("/aanvragen/nieuw");
    await waitForHydration(page);
    await expectNoViolations(page, "empty form");

    await submitButton(page).click();
    await expect(errorSummary(page)).toBeVisible();
    await expect(errorSummary(page)).toBeFocused();
    await expectNoViolations(page, "form with errors (JavaScript on)");

    await fillForm(page, validValues());
    await submitButton(page).click();
    await expectThanksPage(page);
    await expectNoViolations(page, "confirmation page");
  });

  test("formulier met fouten van de server, en de pagina na opslaan", async ({ page }) => {
    // axe needs JavaScript in the page, so the app's own scripts are kept from loading instead:
    // the page then works as with JavaScript off, and the server answers with the errors.
    await page.route(/\/build\/.*\.js$/, (route) => route.abort());
    await page.goto("/aanvragen/nieuw");
    await fillForm(page, validValues({ email: "geen-adres", amount: "-5" }));
    const response = page.waitForResponse((r) => r.request().method() === "POST");
    await submitButton(page).click();
    expect((await response).status()).toBe(400);
    await expect(errorSummary(page).getByRole("heading", { name: "Er zijn 2 dingen nog niet goed" })).toBeVisible();
    await expectNoViolations(page, "form with server errors");

    await page.getByLabel("Uw e-mailadres").fill(`opslaan-${Date.now()}@example.org`);
    await page.getByRole("button", { name: "Opslaan en later verdergaan" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Uw aanvraag is opgeslagen" })).toBeVisible();
    await expectNoViolations(page, "/aanvragen/opgeslagen");
  });

  test("foutpagina's (404)", async ({ page }) => {
    expect((await page.goto("/bestaat-niet"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Deze pagina bestaat niet" })).toBeVisible();
    await expectNoViolations(page, "404 page");
  });

  test("inloggen, code invullen en Mijn aanvragen", async ({ page }) => {
    await page.goto("/inloggen");
    await expectNoViolations(page, "/inloggen");
    await page.getByRole("button", { name: "Stuur mij een code" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await expectNoViolations(page, "/inloggen with an error");

    await signIn(page, "bewoner@example.org");
    await expect(page.getByRole("heading", { level: 1, name: "Mijn aanvragen" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Bekijk aanvraag IF-/ }).first()).toBeVisible();
    await expectNoViolations(page, "/mijn-aanvragen");
    await page
      .getByRole("link", { name: /^Bekijk aanvraag IF-/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { name: "Waar staat uw aanvraag?" })).toBeVisible();
    await expectNoViolations(page, "/mijn-aanvragen/<reference>");
  });

  test("het beheer: lijst en detail", async ({ page }) => {
    await signInAs(page, "beoordelaar@example.org");
    await page.goto("/beheer/aanvragen");
    await expect(page.getByRole("table")).toBeVisible();
    await expectNoViolations(page, "/beheer/aanvragen");
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Geschiedenis" })).toBeVisible();
    await expectNoViolations(page, "/beheer/aanvragen/<reference>");
  });
});

test.describe("op een telefoon (390 px breed)", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  async function expectNoHorizontalScroll(page: Page) {
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, "page is wider than the screen").toBeLessThanOrEqual(clientWidth);
  }

  test("het formulier past in de breedte, ook met fouten", async ({ page }) => {
    await page.goto("/aanvragen/nieuw");
    await waitForHydration(page);
    await expect(page.getByLabel("Uw naam")).toBeVisible();
    await expectNoHorizontalScroll(page);
    // Every field fits on the screen.
    for (const label of ["Uw naam", "Wat wilt u doen, en voor wie?", "Hoeveel geld vraagt u aan?", "Kosten 1: waarvoor"]) {
      const box = (await page.getByLabel(label).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, label).toBeLessThanOrEqual(390);
    }
    await submitButton(page).click();
    await expect(errorSummary(page)).toBeVisible();
    await expectNoHorizontalScroll(page);
  });

  test("startpagina en inloggen passen in de breedte", async ({ page }) => {
    for (const path of ["/", "/inloggen"]) {
      await page.goto(path);
      await expectNoHorizontalScroll(page);
    }
  });
});
