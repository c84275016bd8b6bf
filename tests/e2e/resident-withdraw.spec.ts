// The resident's side of issue 15 in the browser, JavaScript on and off: the form's two optional
// questions (answered, shown to the resident and the bureau), withdrawing from "Mijn aanvragen"
// as someone who applied without an account and signed in later with that address, the mail, and
// the same history on their page and behind the status link. Axe and 390/1280 px shots.
import { expect, signInAs, test, type Browser, type Page } from "./fixtures";
import { expectThanksPage, fillForm, submitButton, uniqueEmail, validValues, waitForHydration } from "./helpers";
import { linkIn, waitForMail } from "../support/mailbox";
import { expectNoViolations } from "./axe";

async function expectNoSideScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, "page is wider than the screen").toBeLessThanOrEqual(clientWidth);
}

/** Applies with both optional questions answered; returns the reference, the address and the status link. */
async function applyWithAnswers(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const values = validValues({ email: uniqueEmail("intrekker"), title: `Straatfeest ${Date.now()}` });
  await page.goto("/aanvragen/nieuw");
  if (javaScriptEnabled) await waitForHydration(page);
  await fillForm(page, values);
  const help = page.getByRole("group", { name: /Wat heeft u nodig, behalve geld\?/ });
  await help.getByRole("checkbox", { name: "een ruimte" }).check();
  await help.getByRole("checkbox", { name: "hulp bij een vergunning" }).check();
  const via = page.getByRole("group", { name: /Hoe kwam u bij het fonds\?/ });
  await via.getByRole("radio", { name: "Anders", exact: true }).check();
  await via.getByLabel("Anders, namelijk").fill("De wijkkrant");
  await submitButton(page).click();
  const reference = await expectThanksPage(page);
  await context.close();
  const email = values.email.toLowerCase();
  const mail = await waitForMail(email, new RegExp(`^Wij hebben uw aanvraag ${reference} ontvangen$`));
  const statusLink = linkIn(mail, /https?:\/\/[^\s"]+\/status\/[A-Za-z0-9_-]+/);
  return { reference, email, statusLink: new URL(statusLink).pathname };
}

for (const javaScriptEnabled of [true, false]) {
  const js = `JavaScript ${javaScriptEnabled ? "aan" : "uit"}`;

  test(`een bewoner beantwoordt de twee vragen en trekt de aanvraag later in (${js})`, async ({ browser }) => {
    const { reference, email, statusLink } = await applyWithAnswers(browser, javaScriptEnabled);

    // The bureau sees what help is asked for.
    const staff = await browser.newContext({ javaScriptEnabled });
    await signInAs(staff, "beoordelaar@example.org");
    const bureau = await staff.newPage();
    await bureau.goto(`/beheer/aanvragen/${reference}`);
    await expect(bureau.getByText("Hulp gevraagd, behalve geld")).toBeVisible();
    await expect(bureau.getByText("een ruimte, hulp bij een vergunning")).toBeVisible();
    await expect(bureau.getByText("Anders: De wijkkrant")).toBeVisible();
    await staff.close();

    // She signs in later with the same address: no account was made when she applied.
    const context = await browser.newContext({ javaScriptEnabled });
    await signInAs(context, email);
    const page = await context.newPage();
    await page.goto(`/mijn-aanvragen/${reference}`);
    if (javaScriptEnabled) await waitForHydration(page, "form#withdraw");
    await expect(page.getByText("een ruimte, hulp bij een vergunning")).toBeVisible();
    const history = page.getByRole("region", { name: "Wat er is gebeurd" });
    await expect(history.getByRole("listitem")).toHaveText([/Wij hebben uw aanvraag ontvangen\./]);

    // Without the tick she is asked to tick it; her reason stays.
    const form = page.locator("form#withdraw");
    await form.getByLabel("Waarom trekt u uw aanvraag in?").fill("We verhuizen naar een andere stad.");
    await form.getByRole("button", { name: "Aanvraag intrekken" }).click();
    await expect(form.getByText("Vink aan dat u uw aanvraag wilt intrekken.").first()).toBeVisible();
    await expect(form.getByLabel("Waarom trekt u uw aanvraag in?")).toHaveValue("We verhuizen naar een andere stad.");
    await form.getByRole("checkbox", { name: "Ja, ik wil mijn aanvraag intrekken" }).check();
    await form.getByRole("button", { name: "Aanvraag intrekken" }).click();
    await expect(page.getByRole("status")).toHaveText("Uw aanvraag is ingetrokken. U krijgt hierover een e-mail.");
    await expect(page.getByText("Deze aanvraag is gestopt: Ingetrokken.")).toBeVisible();
    await expect(history.getByRole("listitem")).toHaveText([/Wij hebben uw aanvraag ontvangen\./, /De aanvraag is ingetrokken\./]);
    await expect(page.locator("form#withdraw")).toHaveCount(0);
    await context.close();

    const mail = await waitForMail(email, new RegExp(`^Uw aanvraag ${reference} is ingetrokken$`));
    expect(mail.text).toContain("Wij doen er niets meer mee.");

    // The status link, without signing in, tells the same.
    const anonymous = await browser.newContext({ javaScriptEnabled });
    const status = await anonymous.newPage();
    await status.goto(statusLink);
    await expect(status.getByText("Deze aanvraag is gestopt: Ingetrokken.")).toBeVisible();
    await expect(status.getByRole("region", { name: "Wat er is gebeurd" }).getByRole("listitem")).toHaveText([
      /Wij hebben uw aanvraag ontvangen\./,
      /De aanvraag is ingetrokken\./,
    ]);
    await anonymous.close();
  });
}

test("een onbekende keuze krijgt een bericht naast de vraag, geen 500 (JavaScript uit)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/aanvragen/nieuw");
  await fillForm(page, validValues());
  // A hand-made post: a value the form never offers.
  await page.locator('input[name="helpWanted"][value="space"]').evaluate((el) => ((el as HTMLInputElement).value = "geld"));
  await page.getByRole("checkbox", { name: "een ruimte" }).check();
  await page.locator('input[name="foundVia"][value="poster"]').evaluate((el) => ((el as HTMLInputElement).value = "televisie"));
  await page.getByRole("radio", { name: "Poster" }).check();
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), submitButton(page).click()]);
  expect(response.status()).toBe(400);
  await expect(page.getByRole("group", { name: /Wat heeft u nodig/ }).getByText("Kies hulp uit de lijst.")).toBeVisible();
  await expect(page.getByRole("group", { name: /Hoe kwam u bij het fonds/ }).getByText("Kies een antwoord uit de lijst.")).toBeVisible();
  await context.close();
});

test("het formulier, de eigen pagina en de statuspagina zijn toegankelijk, op de telefoon en op een groot scherm", async ({ browser }, testInfo) => {
  const { reference, email, statusLink } = await applyWithAnswers(browser, true);
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto("/aanvragen/nieuw");
    await waitForHydration(page);
    await page.getByRole("radio", { name: "Anders", exact: true }).check();
    await page.getByLabel("Anders, namelijk").fill("x".repeat(10));
    await expectNoViolations(page, `form (${width} px)`);
    // The two questions together: from the first one's top to the second one's bottom (page coordinates).
    await page.evaluate(() => window.scrollTo(0, 0));
    const top = (await page.getByRole("group", { name: /Wat heeft u nodig/ }).boundingBox())!;
    const bottom = (await page.getByRole("group", { name: /Hoe kwam u bij het fonds/ }).boundingBox())!;
    await page.screenshot({
      path: testInfo.outputPath(`form-questions-${width}.png`),
      fullPage: true,
      clip: { x: 0, y: top.y - 16, width, height: bottom.y + bottom.height - top.y + 32 },
    });
    await expectNoSideScroll(page);

    await signInAs(context, email);
    await page.goto(`/mijn-aanvragen/${reference}`);
    await waitForHydration(page, "form#withdraw");
    await expectNoViolations(page, `my application with history and withdraw (${width} px)`);
    await page.locator("form#withdraw").getByRole("button", { name: "Aanvraag intrekken" }).click();
    await expect(page.locator("form#withdraw").getByText("Vink aan dat u uw aanvraag wilt intrekken.").first()).toBeVisible();
    await expectNoViolations(page, `my application, withdraw with an error (${width} px)`);
    await page.screenshot({ path: testInfo.outputPath(`mijn-aanvraag-${width}.png`), fullPage: true });
    await expectNoSideScroll(page);

    await page.goto(statusLink);
    await expectNoViolations(page, `status page (${width} px)`);
    await page.screenshot({ path: testInfo.outputPath(`status-${width}.png`), fullPage: true });
    await expectNoSideScroll(page);
    await context.close();
  }
});
