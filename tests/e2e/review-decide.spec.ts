// The bureau reviews and decides, in the browser as people do it, with JavaScript on and off: a
// resident applies, a reviewer takes it, judges the protective factors and approves; the resident
// sees "Goedgekeurd" on their page and gets the mail. Above the threshold a second reviewer
// confirms and the first cannot. A decline mails the reason. A reviewer who declared a conflict
// cannot open the application. Axe on the detail page with every form; phone and desktop shots.
// State is checked through the pages and the mail capture, not the database.
import { expect, signInAs, test, type Browser, type Page } from "./fixtures";
import { expectThanksPage, fillForm, submitButton, uniqueEmail, validValues } from "./helpers";
import { waitForMail } from "../support/mailbox";
import { expectNoViolations } from "./axe";

const MIRJAM = "beoordelaar@example.org";
const DAAN = "tweede.beoordelaar@example.org";
const PETRA = "fondsbeheer@example.org";

/** A resident applies without an account; returns the reference and their address. */
async function apply(browser: Browser, javaScriptEnabled: boolean, overrides: Parameters<typeof validValues>[0] = {}) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const values = validValues({ email: uniqueEmail("aanvrager"), title: `Buurtfeest ${Date.now()}`, ...overrides });
  await page.goto("/aanvragen/nieuw");
  await fillForm(page, values);
  await submitButton(page).click();
  const reference = await expectThanksPage(page);
  await context.close();
  return { reference, email: values.email.toLowerCase(), title: values.title };
}

async function staffPage(browser: Browser, email: string, javaScriptEnabled = true, width = 1280): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
  await signInAs(context, email);
  const page = await context.newPage();
  return page;
}

async function openApplication(page: Page, reference: string, javaScriptEnabled = true) {
  await page.goto(`/beheer/aanvragen/${reference}`);
  if (javaScriptEnabled) await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

const notice = (page: Page) => page.getByRole("status");

async function take(page: Page) {
  await page.getByRole("button", { name: "Ik neem deze aanvraag" }).click();
  await expect(notice(page)).toContainText("U behandelt deze aanvraag nu.");
}

async function reviewFactor(page: Page, factor: string, judgement: "Sterk" | "Voldoende" | "Onvoldoende", why: string) {
  const group = page.getByRole("group", { name: factor, exact: true });
  await group.getByRole("radio", { name: judgement, exact: true }).check();
  await group.getByLabel("Waarom?").fill(why);
}

async function approve(page: Page, amount: string) {
  const form = page.locator("form#approve");
  await form.getByLabel("Bedrag dat u toekent").fill(amount);
  await form.getByLabel("Voorwaarden").fill("Stuur de bonnetjes mee met uw verslag.");
  await form.getByRole("checkbox", { name: "een ruimte" }).check();
  await form.getByRole("button", { name: "Goedkeuren" }).click();
}

for (const javaScriptEnabled of [true, false]) {
  const js = `JavaScript ${javaScriptEnabled ? "aan" : "uit"}`;

  test(`een beoordelaar neemt, beoordeelt en keurt goed; de bewoner ziet het en krijgt de e-mail (${js})`, async ({ browser }) => {
    const { reference, email } = await apply(browser, javaScriptEnabled);
    const page = await staffPage(browser, MIRJAM, javaScriptEnabled);
    await openApplication(page, reference, javaScriptEnabled);
    await take(page);
    await expect(page.getByText("Behandeld door: Mirjam Kool")).toBeVisible();

    // A review without a motivation is refused beside the field, the choice kept.
    await page.getByRole("group", { name: "Organiseren van ontmoeting", exact: true }).getByRole("radio", { name: "Sterk", exact: true }).check();
    await page.getByRole("button", { name: "Beoordeling opslaan" }).click();
    await expect(page.locator("form#review").getByText("Schrijf kort waarom.").first()).toBeVisible();
    await expect(page.getByRole("group", { name: "Organiseren van ontmoeting", exact: true }).getByRole("radio", { name: "Sterk", exact: true })).toBeChecked();
    await reviewFactor(page, "Organiseren van ontmoeting", "Sterk", "Buren die elkaar nog niet kennen ontbijten samen.");
    await page.getByLabel("Welke beschermfactor?").selectOption({ label: "Sociale verbondenheid en netwerken" });
    await page.getByRole("group", { name: "Oordeel over de toegevoegde factor" }).getByRole("radio", { name: "Voldoende", exact: true }).check();
    await page.getByLabel("Waarom? (toegevoegde factor)").fill("Er komt een groepsapp voor de straat.");
    await page.getByLabel("Notitie voor het bureau").fill("Bekende aanvrager, goed verantwoord.");
    await page.getByRole("button", { name: "Beoordeling opslaan" }).click();
    await expect(notice(page)).toContainText("De beoordeling is opgeslagen.");
    const review = page.getByRole("region", { name: "Beoordeling per beschermfactor" });
    await expect(review.getByText("Sociale verbondenheid en netwerken (toegevoegd door het bureau)").first()).toBeVisible();
    await expect(review.getByText("Bekende aanvrager, goed verantwoord.").first()).toBeVisible();

    // More than asked: the domain's words beside the amount.
    await page.locator("form#approve").getByLabel("Bedrag dat u toekent").fill("300");
    await page.locator("form#approve").getByRole("button", { name: "Goedkeuren" }).click();
    await expect(page.locator("form#approve").getByText("U kunt niet meer geven dan er is gevraagd. Gevraagd is € 250,00.").first()).toBeVisible();
    await approve(page, "200");
    await expect(notice(page)).toContainText("De aanvraag is goedgekeurd.");
    await expect(page.getByRole("listitem").filter({ hasText: "Goedgekeurd door beoordelaar@example.org" })).toBeVisible();
    await page.context().close();

    const mail = await waitForMail(email, new RegExp(`^Goed nieuws: uw aanvraag ${reference} is goedgekeurd$`));
    expect(mail.text).toContain("U krijgt € 200,00.");
    expect(mail.text).toContain("Naast geld helpen wij u ook met: een ruimte.");

    const resident = await browser.newContext({ javaScriptEnabled });
    await signInAs(resident, email);
    const mine = await resident.newPage();
    await mine.goto(`/mijn-aanvragen/${reference}`);
    await expect(mine.getByText("Uw aanvraag is goedgekeurd. U krijgt € 200,00.")).toBeVisible();
    await expect(mine.getByText("Stuur de bonnetjes mee met uw verslag.")).toBeVisible();
    await expect(mine.getByRole("listitem").filter({ hasText: "een ruimte" })).toBeVisible();
    await expect(mine.getByText("Bekende aanvrager")).toHaveCount(0);
    await resident.close();
  });
}

test("boven de drempel bevestigt een tweede beoordelaar; de eerste kan het niet", async ({ browser }) => {
  const { reference, email } = await apply(browser, true, { amount: "3000" });
  const first = await staffPage(browser, MIRJAM);
  await openApplication(first, reference);
  await take(first);
  await reviewFactor(first, "Organiseren van ontmoeting", "Voldoende", "Een groot feest voor de hele wijk.");
  await first.getByRole("button", { name: "Beoordeling opslaan" }).click();
  await expect(notice(first)).toContainText("De beoordeling is opgeslagen.");
  await approve(first, "3.000");
  await expect(notice(first)).toContainText("Uw goedkeuring wacht nu op een tweede beoordelaar.");
  await first.getByRole("button", { name: "Goedkeuring bevestigen" }).click();
  await expect(first.getByText("U heeft deze aanvraag al goedgekeurd. Een tweede collega moet dit bevestigen.").first()).toBeVisible();
  await expect(first.getByText("Tweede beoordeling").first()).toBeVisible();
  await first.context().close();

  const second = await staffPage(browser, DAAN);
  await openApplication(second, reference);
  await expect(second.getByText("Mirjam Kool keurde deze aanvraag goed.")).toBeVisible();
  await second.getByRole("button", { name: "Goedkeuring bevestigen" }).click();
  await expect(notice(second)).toContainText("De goedkeuring is bevestigd.");
  await expect(
    second.getByRole("listitem").filter({ hasText: "Goedkeuring bevestigd door tweede beoordelaar door tweede.beoordelaar@example.org" }),
  ).toBeVisible();
  await second.context().close();
  const mail = await waitForMail(email, new RegExp(`^Goed nieuws: uw aanvraag ${reference} is goedgekeurd$`));
  expect(mail.text).toContain("U krijgt € 3.000,00.");
});

test("een afwijzing mailt de reden en wat de bewoner wel kan doen (JavaScript uit)", async ({ browser }) => {
  const { reference, email } = await apply(browser, false);
  const page = await staffPage(browser, DAAN, false);
  await openApplication(page, reference, false);
  await take(page);
  const form = page.locator("form#decline");
  await form.getByLabel("Waarom niet? Dit leest de aanvrager.").fill("Dit feest is alleen voor uw eigen familie.");
  await form.getByRole("button", { name: "Afwijzen" }).click();
  // Without JavaScript the server says what is missing, with the reason kept.
  await expect(form.getByText("Schrijf op wat de aanvrager wel kan doen.").first()).toBeVisible();
  await expect(form.getByLabel("Waarom niet? Dit leest de aanvrager.")).toHaveValue("Dit feest is alleen voor uw eigen familie.");
  await form.getByLabel("Wat kan de aanvrager wel doen?").fill("Nodig de hele straat uit en vraag het opnieuw aan.");
  await form.getByRole("button", { name: "Afwijzen" }).click();
  await expect(notice(page)).toContainText("De aanvraag is afgewezen.");
  await page.context().close();
  const mail = await waitForMail(email, new RegExp(`^Uw aanvraag ${reference} is afgewezen$`));
  expect(mail.text).toContain("De reden: Dit feest is alleen voor uw eigen familie.");
  expect(mail.text).toContain("Wat u wel kunt doen: Nodig de hele straat uit en vraag het opnieuw aan.");
});

test("een beoordelaar die zelf betrokken is, kan de aanvraag daarna niet openen", async ({ browser }) => {
  const { reference, title } = await apply(browser, true, { name: "Buurman Geheim" });
  const page = await staffPage(browser, DAAN);
  await openApplication(page, reference);
  await page.getByRole("radio", { name: "De aanvrager is familie" }).check();
  await page.getByLabel("Toelichting").fill("Mijn neef.");
  await page.getByRole("button", { name: "Ik ben betrokken" }).click();
  await expect(page).toHaveURL(/\/beheer\/aanvragen$/);
  await expect(notice(page)).toContainText("U heeft gemeld dat u betrokken bent.");
  const response = await page.goto(`/beheer/aanvragen/${reference}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "U kunt deze aanvraag niet openen" })).toBeVisible();
  await expect(page.getByText("U gaf aan: De aanvrager is familie.")).toBeVisible();
  const html = await response!.text();
  expect(html).not.toContain("Buurman Geheim");
  expect(html).not.toContain(title);
  await page.context().close();
  // A colleague sees it in the history.
  const other = await staffPage(browser, MIRJAM);
  await openApplication(other, reference);
  await expect(other.getByRole("listitem").filter({ hasText: "Betrokkenheid gemeld (belangenverstrengeling)" })).toContainText("De aanvrager is familie");
  await other.context().close();
});

test("de detailpagina met alle formulieren is toegankelijk, op de telefoon en op een groot scherm", async ({ browser }, testInfo) => {
  const { reference } = await apply(browser, true, { amount: "3000" });
  for (const width of [390, 1280]) {
    const page = await staffPage(browser, PETRA, true, width);
    await openApplication(page, reference);
    if (await page.getByRole("button", { name: "Ik neem deze aanvraag" }).isVisible()) await take(page);
    // Every form of an application in review: assign, review, approve, decline, conflict; and its errors.
    await expect(page.locator("form#assign, form#review, form#approve, form#decline, form#conflict")).toHaveCount(5);
    await expectNoViolations(page, `detail page in review (${width} px)`);
    await page.getByRole("button", { name: "Beoordeling opslaan" }).click();
    await page.locator("form#decline").getByRole("button", { name: "Afwijzen" }).click();
    await expectNoViolations(page, `detail page with errors (${width} px)`);
    await page.screenshot({ path: testInfo.outputPath(`beheer-review-${width}.png`), fullPage: true });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, "page is wider than the screen").toBeLessThanOrEqual(clientWidth);
    await page.context().close();
  }
  // The four-eyes forms and the cancel form.
  const page = await staffPage(browser, MIRJAM);
  await openApplication(page, reference);
  await reviewFactor(page, "Organiseren van ontmoeting", "Sterk", "Goed idee.");
  await page.getByRole("button", { name: "Beoordeling opslaan" }).click();
  await expect(notice(page)).toContainText("De beoordeling is opgeslagen.");
  await approve(page, "3.000");
  await expect(notice(page)).toContainText("Uw goedkeuring wacht nu op een tweede beoordelaar.");
  await page.context().close();
  const second = await staffPage(browser, DAAN, true, 390);
  await openApplication(second, reference);
  await expect(second.locator("form#confirm, form#send_back")).toHaveCount(2);
  await expectNoViolations(second, "detail page awaiting a second review");
  await second.screenshot({ path: testInfo.outputPath("beheer-second-review-390.png"), fullPage: true });
  await second.getByRole("button", { name: "Goedkeuring bevestigen" }).click();
  await expect(notice(second)).toContainText("De goedkeuring is bevestigd.");
  await expect(second.locator("form#cancel")).toHaveCount(1);
  await expectNoViolations(second, "detail page of an approved application");
  await second.context().close();
});
