// The money on the approve form (issue 16): the proposed split of the requested amount over the
// seeded pots, with the reason per pot, readable on a phone and a large screen; approving books it.
// The refusal of an approval the pots cannot pay is tested through the page's action in
// tests/integration/money-step.test.ts (here the seeded pots have room for every flow).
import { expect, signInAs, test } from "./fixtures";
import { expectThanksPage, fillForm, submitButton, uniqueEmail, validValues } from "./helpers";
import { expectNoViolations } from "./axe";

const PETRA = "fondsbeheer@example.org";

test("the approve form shows where the money comes from, and approving books it", async ({ browser }, testInfo) => {
  const applicant = await browser.newContext();
  const form = await applicant.newPage();
  await form.goto("/aanvragen/nieuw");
  await fillForm(form, validValues({ email: uniqueEmail("geld"), area: "Kroeven", amount: "250" }));
  await submitButton(form).click();
  const reference = await expectThanksPage(form);
  await applicant.close();

  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await signInAs(context, PETRA);
    const page = await context.newPage();
    await page.goto(`/beheer/aanvragen/${reference}`);
    if (await page.getByRole("button", { name: "Ik neem deze aanvraag" }).isVisible()) {
      await page.getByRole("button", { name: "Ik neem deze aanvraag" }).click();
      await expect(page.getByRole("status")).toContainText("U behandelt deze aanvraag nu.");
    }
    const split = page.getByRole("region", { name: "Uit welke potten het geld komt" });
    await expect(split).toContainText("Voorstel voor € 250,00");
    await expect(split.getByRole("row", { name: /Buurtbudget De Buurt 2026/ })).toContainText("Alleen voor Kalsdonk");
    await expect(split.getByRole("row", { name: /Samen Roosendaal 2026/ })).toContainText("€ 50,00");
    await expect(split.getByRole("row", { name: /SPUK Kansrijke Wijk 2026/ })).toContainText("Vaste verdeling: 80%");
    await expectNoViolations(page, `approve form ${width}`);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, "page is wider than the screen").toBeLessThanOrEqual(clientWidth);
    await split.screenshot({ path: testInfo.outputPath(`approve-split-${width}.png`) });
    await page.locator("form#approve").screenshot({ path: testInfo.outputPath(`approve-form-${width}.png`) });
    await context.close();
  }

  const context = await browser.newContext({ javaScriptEnabled: false });
  await signInAs(context, PETRA);
  const page = await context.newPage();
  await page.goto(`/beheer/aanvragen/${reference}`);
  await page.locator("form#approve").getByLabel("Bedrag dat u toekent").fill("250");
  await page.locator("form#approve").getByRole("button", { name: "Goedkeuren" }).click();
  await expect(page.getByRole("status")).toContainText(/goedgekeurd/i);
  await context.close();
});
