// The budget pages in the browser, JavaScript on and off: the fund administrator creates a pot and
// extends its end (a granted uitstelverzoek); an approval on the bureau's detail page moves the
// dashboard's numbers; a reviewer sees the pages without the forms. Axe on the dashboard and a
// pot's page; phone and desktop screenshots (the chart must be readable on a phone).
import { expect, signInAs, test, type Browser, type Page } from "./fixtures";
import { expectThanksPage, fillForm, submitButton, uniqueEmail, validValues } from "./helpers";
import { expectNoViolations } from "./axe";

const MIRJAM = "beoordelaar@example.org";
const PETRA = "fondsbeheer@example.org";
const year = new Date().getUTCFullYear();

async function staffPage(browser: Browser, email: string, javaScriptEnabled = true, width = 1280): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
  await signInAs(context, email);
  return context.newPage();
}

async function go(page: Page, path: string, javaScriptEnabled: boolean) {
  await page.goto(path);
  if (javaScriptEnabled) await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** The fund's "Toegezegd" amount as shown, in cents. */
async function fundCommitted(page: Page): Promise<number> {
  const text = await page.getByRole("region", { name: "Het hele fonds" }).locator("dt:has-text('Toegezegd') + dd").innerText();
  const [euros, cents = "0"] = text.replace(/[^\d,]/g, "").split(",");
  return Number(euros) * 100 + Number(cents.padEnd(2, "0"));
}

for (const javaScriptEnabled of [true, false]) {
  const js = `JavaScript ${javaScriptEnabled ? "aan" : "uit"}`;

  test(`de fondsbeheerder maakt een pot en zet de einddatum later (${js})`, async ({ browser }) => {
    const page = await staffPage(browser, PETRA, javaScriptEnabled);
    await go(page, "/beheer/geld", javaScriptEnabled);
    const form = page.locator("form#create_pot");
    const name = `Buurtpot ${Date.now()}`;

    // Wrong input: Dutch words beside the fields, input kept.
    await form.getByLabel("Naam van de pot").fill(name);
    // The gemeente: outside the default split, so this pot never changes where other tests' grants are paid from.
    await form.getByLabel("Geldgever").selectOption({ label: "Gemeente Roosendaal" });
    await form.getByLabel("Eerste dag").fill(`${year}-01-01`);
    await form.getByLabel("Laatste dag").fill(`${year}-12-31`);
    await form.getByLabel("Budget in euro").fill("twaalf");
    await form.getByRole("button", { name: "Pot maken" }).click();
    await expect(form.getByText("Dit is geen bedrag. Schrijf het zo: 1.250,50").first()).toBeVisible();
    await expect(form.getByLabel("Naam van de pot")).toHaveValue(name);

    await form.getByLabel("Budget in euro").fill("4.000");
    await form.getByRole("button", { name: "Pot maken" }).click();
    await expect(page.getByRole("status")).toContainText("De pot is gemaakt.");
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.locator("dt:has-text('Budget') + dd").first()).toHaveText("€ 4.000");

    const extend = page.locator("form#extend_end");
    await extend.getByLabel("Nieuwe laatste dag").fill(`${year}-06-30`);
    await extend.getByLabel("Reden en besluit").fill("Uitstelverzoek goedgekeurd");
    await extend.getByRole("button", { name: "Einddatum opslaan" }).click();
    await expect(extend.getByText("Kies een dag na de huidige laatste dag").first()).toBeVisible();
    await extend.getByLabel("Nieuwe laatste dag").fill(`${year + 1}-06-30`);
    await extend.getByRole("button", { name: "Einddatum opslaan" }).click();
    await expect(page.getByRole("status")).toContainText("De nieuwe einddatum is opgeslagen.");
    await expect(page.getByText(/Reden: Uitstelverzoek goedgekeurd/)).toBeVisible();
    await page.context().close();
  });
}

test("een goedkeuring op de pagina van de aanvraag verandert de cijfers van het dashboard", async ({ browser }) => {
  const applicant = await browser.newContext();
  const form = await applicant.newPage();
  await form.goto("/aanvragen/nieuw");
  const values = validValues({ email: uniqueEmail("aanvrager"), title: `Buurtfeest ${Date.now()}` });
  await fillForm(form, values);
  await submitButton(form).click();
  const reference = await expectThanksPage(form);
  await applicant.close();

  const page = await staffPage(browser, PETRA);
  await go(page, "/beheer/geld", true);
  const before = await fundCommitted(page);
  await go(page, `/beheer/aanvragen/${reference}`, true);
  await page.getByRole("button", { name: "Ik neem deze aanvraag" }).click();
  await expect(page.getByRole("status")).toContainText("U behandelt deze aanvraag nu.");
  const approve = page.locator("form#approve");
  await approve.getByLabel("Bedrag dat u toekent").fill("200");
  await approve.getByRole("button", { name: "Goedkeuren" }).click();
  await expect(page.getByRole("status")).toContainText("De aanvraag is goedgekeurd.");
  await go(page, "/beheer/geld", true);
  expect(await fundCommitted(page)).toBe(before + 20_000);
  // The raw HTML, with Remix's serialised loader data, of the dashboard and every pot's page (one
  // of them lists this approval by its reference) holds nothing of the resident.
  const pots = await page.locator(".budget-pot h3 a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  let listed = false;
  for (const path of ["/beheer/geld", ...pots]) {
    const html = await (await page.request.get(path)).text();
    expect(html, path).not.toContain(values.email.toLowerCase());
    expect(html, path).not.toContain(values.name);
    listed ||= html.includes(reference);
  }
  expect(listed).toBe(true);
  await page.context().close();
});

test("een beoordelaar ziet de geldpagina's zonder formulieren", async ({ browser }) => {
  const page = await staffPage(browser, MIRJAM);
  await go(page, "/beheer", true);
  await page.getByRole("navigation", { name: /menu/i }).getByRole("link", { name: "Geld" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Geld van het fonds" })).toBeVisible();
  await expect(page.locator("form#create_pot")).toHaveCount(0);
  await page.getByRole("region", { name: "Het hele fonds" }).waitFor();
  await page.locator(".budget-pot h3 a").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Boekingen" })).toBeVisible();
  await expect(page.locator("form#extend_end")).toHaveCount(0);
  await page.context().close();
});

for (const width of [390, 1280]) {
  test(`axe en schermafdrukken van het dashboard en een pot (${width} px)`, async ({ browser }, testInfo) => {
    const page = await staffPage(browser, PETRA, true, width);
    await go(page, "/beheer/geld", true);
    await expectNoViolations(page, `dashboard ${width}`);
    await page.screenshot({ path: testInfo.outputPath(`beheer-geld-${width}.png`), fullPage: true });
    await page.getByRole("region", { name: "Het hele fonds" }).screenshot({ path: testInfo.outputPath(`beheer-geld-fonds-${width}.png`) });
    await page
      .locator(".budget-pot")
      .first()
      .screenshot({ path: testInfo.outputPath(`beheer-geld-pot-${width}.png`) });
    await page.locator("form#create_pot").getByRole("button", { name: "Pot maken" }).click();
    await page.locator("form#create_pot summary").click();
    await page.locator(".budget-forms").screenshot({ path: testInfo.outputPath(`beheer-geld-forms-${width}.png`) });
    await expectNoViolations(page, `dashboard forms with errors ${width}`);
    await page.locator(".budget-pot h3 a").first().click();
    await page.getByRole("heading", { level: 2, name: "Boekingen" }).waitFor();
    await expectNoViolations(page, `pot ${width}`);
    await page.screenshot({ path: testInfo.outputPath(`beheer-pot-${width}.png`), fullPage: true });
    await page.context().close();
  });
}
