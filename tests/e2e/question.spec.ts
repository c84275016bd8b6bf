// A question to the applicant, in the browser as people do it, with JavaScript on and off: a
// resident applies without an account, a reviewer takes it and asks a question, the resident gets
// the mail, follows its link, signs in with a code (decision 131), changes the amount and answers;
// the reviewer sees the answer, "antwoord ontvangen" and the change in the history. The status
// link shows the question read only. Axe on the resident's page with a question and on the bureau's
// page with the question form; phone and desktop shots. State is checked through the pages and the
// mail capture.
import { expect, signInAs, test, type Browser, type Page } from "./fixtures";
import { expectThanksPage, fillForm, signIn, submitButton, uniqueEmail, validValues } from "./helpers";
import { linkIn, waitForMail } from "../support/mailbox";
import { expectNoViolations } from "./axe";

const MIRJAM = "beoordelaar@example.org";
const QUESTION = "Hoeveel buren doen er mee, en wat kost de muziek?";

async function apply(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const values = validValues({ email: uniqueEmail("vraag"), title: `Buurtontbijt ${Date.now()}` });
  await page.goto("/aanvragen/nieuw");
  await fillForm(page, values);
  await submitButton(page).click();
  const reference = await expectThanksPage(page);
  await context.close();
  return { reference, email: values.email.toLowerCase() };
}

async function staffPage(browser: Browser, javaScriptEnabled = true, width = 1280): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
  await signInAs(context, MIRJAM);
  return context.newPage();
}

async function open(page: Page, path: string, javaScriptEnabled = true) {
  await page.goto(path);
  if (javaScriptEnabled) await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

const notice = (page: Page) => page.getByRole("status");

async function take(page: Page) {
  const button = page.getByRole("button", { name: "Ik neem deze aanvraag" });
  if (!(await button.isVisible())) return; // already taken (the accessibility test comes back)
  await button.click();
  await expect(notice(page)).toContainText("U behandelt deze aanvraag nu.");
}

async function takeAndAsk(page: Page, reference: string, javaScriptEnabled: boolean) {
  await open(page, `/beheer/aanvragen/${reference}`, javaScriptEnabled);
  await take(page);
  const form = page.locator("form#ask_question");
  await form.getByRole("button", { name: "Vraag versturen" }).click();
  await expect(form.getByText("Schrijf uw vraag op.").first()).toBeVisible();
  await form.getByLabel("Uw vraag").fill(QUESTION);
  await form.getByRole("button", { name: "Vraag versturen" }).click();
  await expect(notice(page)).toContainText("Uw vraag is verstuurd.");
  await expect(page.getByText("We hebben een vraag").first()).toBeVisible();
  await expect(page.getByText("De aanvrager heeft uw vraag nog niet beantwoord.")).toBeVisible();
  await expect(page.locator("form#ask_question")).toHaveCount(0);
}

async function expectFitsScreen(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, "page is wider than the screen").toBeLessThanOrEqual(clientWidth);
}

for (const javaScriptEnabled of [true, false]) {
  const js = `JavaScript ${javaScriptEnabled ? "aan" : "uit"}`;

  test(`een beoordelaar stelt een vraag; de bewoner antwoordt via de e-mail en past het bedrag aan (${js})`, async ({ browser }) => {
    const { reference, email } = await apply(browser, javaScriptEnabled);
    const staff = await staffPage(browser, javaScriptEnabled);
    await takeAndAsk(staff, reference, javaScriptEnabled);

    // The mail: the question, and the link to the resident's own page.
    const mail = await waitForMail(email, new RegExp(`^Een vraag over uw aanvraag ${reference}$`));
    expect(mail.text).toContain(QUESTION);
    const link = linkIn(mail, new RegExp(`https?://[^\\s"]+/mijn-aanvragen/${reference}`));

    // Following it without an account: sign in with a code to that address, back on the page.
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(link);
    await expect(page).toHaveURL(/\/inloggen\?terug=/);
    await signIn(page, email);
    await expect(page).toHaveURL(new RegExp(`/mijn-aanvragen/${reference}$`));
    if (javaScriptEnabled) await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    const conversation = page.getByRole("region", { name: "Vragen en antwoorden" });
    await expect(conversation.getByText(QUESTION)).toBeVisible();
    await expect(conversation.getByText(/Vraag van het fondsbureau/)).toBeVisible();

    // Nothing written: the field says so, with the changed amount kept.
    const form = page.locator("form#answer");
    await form.getByLabel("Hoeveel geld vraagt u aan?").fill("300");
    await form.getByRole("button", { name: "Antwoord versturen" }).click();
    await expect(form.getByText("Schrijf uw antwoord op.").first()).toBeVisible();
    await expect(form.getByLabel("Hoeveel geld vraagt u aan?")).toHaveValue("300");
    await form.getByLabel("Uw antwoord op de vraag").fill("Veertig buren. De muziek kost € 50, daarom vraag ik € 300.");
    await form.getByRole("button", { name: "Antwoord versturen" }).click();
    await expect(notice(page)).toContainText("Dank u wel. Uw antwoord is verstuurd.");
    await expect(page.locator("form#answer")).toHaveCount(0);
    await expect(conversation.getByText(/Antwoord van u/)).toBeVisible();
    await expect(page.getByText("€ 300,00").first()).toBeVisible();
    // Reloading does not post again and shows the notice no more.
    await page.reload();
    await expect(notice(page)).toHaveCount(0);
    await context.close();

    // The reviewer: the answer, "antwoord ontvangen", and the change in the history.
    await open(staff, `/beheer/aanvragen/${reference}`, javaScriptEnabled);
    await expect(staff.getByText(/Antwoord ontvangen/)).toBeVisible();
    await expect(
      staff.getByRole("region", { name: "Vragen en antwoorden" }).getByText("Veertig buren. De muziek kost € 50, daarom vraag ik € 300."),
    ).toBeVisible();
    await expect(staff.getByText(/Antwoord van de aanvrager/)).toBeVisible();
    await expect(staff.getByRole("listitem").filter({ hasText: "Aanvraag aangepast door de aanvrager" })).toContainText("bedrag (€ 250,00 → € 300,00)");
    await expect(staff.getByRole("listitem").filter({ hasText: `Vraag gesteld door ${MIRJAM}` })).toContainText(QUESTION);
    await expect(staff.getByText("Ontvangen").first()).toBeVisible();
    await staff.context().close();
  });
}

test("de statuslink toont de vraag, zonder antwoordformulier, en wijst naar inloggen", async ({ browser }) => {
  const { reference, email } = await apply(browser, true);
  const staff = await staffPage(browser);
  await takeAndAsk(staff, reference, true);
  await staff.context().close();
  const received = await waitForMail(email, /ontvangen/);
  const statusLink = linkIn(received, /https?:\/\/[^\s"]+\/status\/[A-Za-z0-9_-]+/);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(statusLink);
  await expect(page.getByRole("region", { name: "Vragen en antwoorden" }).getByText(QUESTION)).toBeVisible();
  await expect(page.locator("textarea, form#answer")).toHaveCount(0);
  await page.getByRole("link", { name: "Inloggen om te antwoorden" }).click();
  await expect(page).toHaveURL(new RegExp(`/inloggen\\?terug=%2Fmijn-aanvragen%2F${reference}$`));
  await context.close();
});

test("de pagina van de bewoner met een vraag en de beheerpagina met het vraagformulier zijn toegankelijk, op de telefoon en een groot scherm", async ({
  browser,
}, testInfo) => {
  test.slow(); // four pages, each scanned twice
  const { reference, email } = await apply(browser, true);
  for (const width of [390, 1280]) {
    const staff = await staffPage(browser, true, width);
    await open(staff, `/beheer/aanvragen/${reference}`);
    await take(staff);
    await expect(staff.locator("form#ask_question")).toHaveCount(1);
    await staff.locator("form#ask_question").getByRole("button", { name: "Vraag versturen" }).click();
    await expect(staff.locator("form#ask_question").getByText("Schrijf uw vraag op.").first()).toBeVisible();
    await expectNoViolations(staff, `bureau page with the question form and its error (${width} px)`);
    await staff.locator("form#ask_question").scrollIntoViewIfNeeded();
    await staff.screenshot({ path: testInfo.outputPath(`vraag-beheer-${width}.png`), fullPage: true });
    await expectFitsScreen(staff);
    await staff.context().close();
  }
  const staff = await staffPage(browser);
  await takeAndAsk(staff, reference, true);
  await staff.context().close();

  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await signInAs(context, email);
    const page = await context.newPage();
    await open(page, `/mijn-aanvragen/${reference}`);
    await expect(page.locator("form#answer")).toHaveCount(1);
    await expectNoViolations(page, `resident page with a question (${width} px)`);
    await page.screenshot({ path: testInfo.outputPath(`vraag-bewoner-${width}.png`), fullPage: true });
    await page.locator("form#answer").getByLabel("Naam van uw idee").fill("");
    await page.locator("form#answer").getByRole("button", { name: "Antwoord versturen" }).click();
    await expect(page.locator("form#answer").getByText("Schrijf uw antwoord op.").first()).toBeVisible();
    await expectNoViolations(page, `resident page with answer errors (${width} px)`);
    await page.screenshot({ path: testInfo.outputPath(`vraag-bewoner-fout-${width}.png`), fullPage: true });
    await expectFitsScreen(page);
    await context.close();
  }
});
