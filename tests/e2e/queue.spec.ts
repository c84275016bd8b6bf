// The bureau's work queue in the browser, with JavaScript on and off: the filter form puts the
// filters in the address, that address shows the same list to a colleague, the counts at the top
// are links that set a filter, late applications are marked, and a reviewer with a declared
// conflict sees why an application cannot be opened. Axe (WCAG 2.2 AA) and phone and desktop
// screenshots. Works on the demo data (db/seed.ts) and what other specs added.
import { expect, signInAs, test, type Browser, type Page } from "./fixtures";
import { expectNoViolations } from "./axe";

const MIRJAM = "beoordelaar@example.org";
const PETRA = "fondsbeheer@example.org";

async function queuePage(browser: Browser, email: string, javaScriptEnabled: boolean, width = 1280): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
  await signInAs(context, email);
  return context.newPage();
}

async function open(page: Page, path: string, javaScriptEnabled: boolean) {
  await page.goto(path);
  if (javaScriptEnabled) await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

const rows = (page: Page) => page.locator("table tbody tr");
const counts = (page: Page) => page.getByRole("navigation", { name: "Overzicht" });

for (const javaScriptEnabled of [true, false]) {
  const js = `JavaScript ${javaScriptEnabled ? "aan" : "uit"}`;

  test(`filteren met het formulier zet de filters in het adres, en dat adres is te delen (${js})`, async ({ browser }) => {
    const page = await queuePage(browser, PETRA, javaScriptEnabled);
    await open(page, "/beheer/aanvragen", javaScriptEnabled);
    await page.getByLabel("Zoek op nummer of idee").fill("straatfeest fatima");
    await page.getByRole("group", { name: "Status" }).getByLabel("Goedgekeurd").check();
    await page.getByLabel("Wijk of buurt").selectOption({ label: "Fatima" });
    await page.getByRole("button", { name: "Toon aanvragen" }).click();
    await expect(page).toHaveURL(/zoek=straatfeest\+fatima/);
    await expect(page).toHaveURL(/status=approved/);
    await expect(page).toHaveURL(/wijk=fatima/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText("Straatfeest Fatima");
    await expect(rows(page).first()).toContainText("Goedgekeurd");
    await expect(page.locator("p.queue-found")).toHaveText("Aantal gevonden aanvragen: 1.");

    // A colleague opening the same address sees the same list, with the form showing the filters.
    const shared = page.url();
    const colleague = await queuePage(browser, MIRJAM, javaScriptEnabled);
    await open(colleague, shared, javaScriptEnabled);
    await expect(rows(colleague)).toHaveCount(1);
    await expect(colleague.getByLabel("Zoek op nummer of idee")).toHaveValue("straatfeest fatima");
    await expect(colleague.getByRole("group", { name: "Status" }).getByLabel("Goedgekeurd")).toBeChecked();
    await expect(colleague.getByLabel("Wijk of buurt")).toHaveValue("fatima");

    // Clearing the filters shows everything again.
    await page.getByRole("link", { name: "Alle filters weg" }).click();
    await expect(page).toHaveURL(/\/beheer\/aanvragen$/);
    expect(await rows(page).count()).toBeGreaterThan(5);
    await page.context().close();
    await colleague.context().close();
  });

  test(`de tellingen bovenaan zijn links die filteren; te late aanvragen zijn gemarkeerd (${js})`, async ({ browser }) => {
    const page = await queuePage(browser, PETRA, javaScriptEnabled);
    await open(page, "/beheer/aanvragen", javaScriptEnabled);
    const late = counts(page).getByRole("link", { name: /^Te laat: \d+$/ });
    const lateCount = Number((await late.textContent())!.match(/\d+/)![0]);
    expect(lateCount).toBeGreaterThan(0);
    await late.click();
    await expect(page).toHaveURL(/laat=ja/);
    await expect(counts(page).getByRole("link", { name: /^Te laat/ })).toHaveAttribute("aria-current", "page");
    await expect(rows(page)).toHaveCount(Math.min(lateCount, 50));
    for (const row of await rows(page).all()) await expect(row).toContainText("Te laat");
    await expect(page.getByLabel("Alleen aanvragen die te laat zijn")).toBeChecked();

    const received = counts(page).getByRole("link", { name: /^Ontvangen: \d+$/ });
    const receivedCount = Number((await received.textContent())!.match(/\d+/)![0]);
    await received.click();
    await expect(page).toHaveURL(/\?status=submitted$/);
    await expect(rows(page)).toHaveCount(Math.min(receivedCount, 50));
    for (const row of await rows(page).all()) await expect(row).toContainText("Ontvangen");
    await page.context().close();
  });
}

test("een beoordelaar ziet waarom een aanvraag waarbij zij betrokken is niet te openen is", async ({ browser }) => {
  const page = await queuePage(browser, MIRJAM, true);
  await open(page, "/beheer/aanvragen?zoek=Podcast+door+jongeren", true);
  const row = rows(page).filter({ hasText: "Podcast door jongeren" }).first();
  await expect(row).toContainText("U kunt deze aanvraag niet openen: u bent betrokken (Ik woon in dezelfde straat).");
  await expect(row.getByRole("link")).toHaveCount(0);
  // A colleague without a conflict gets the link.
  const petra = await queuePage(browser, PETRA, true);
  await open(petra, "/beheer/aanvragen?zoek=Podcast+door+jongeren", true);
  await expect(rows(petra).filter({ hasText: "Podcast door jongeren" }).first().getByRole("link")).toHaveCount(1);
  await page.context().close();
  await petra.context().close();
});

test("de werkvoorraad voldoet aan WCAG 2.2 AA, op telefoon en computer", async ({ browser }) => {
  for (const width of [390, 1280]) {
    const page = await queuePage(browser, MIRJAM, true, width);
    await open(page, "/beheer/aanvragen", true);
    await expectNoViolations(page, `the queue at ${width} px`);
    await page.screenshot({ path: `test-results/queue-${width}.png`, fullPage: true });
    // The rows up close: on a phone each is a card.
    await rows(page).nth(4).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/queue-rows-${width}.png` });
    await open(page, "/beheer/aanvragen?status=in_review&status=submitted&toegewezen=mijn&volgorde=oudste", true);
    await expectNoViolations(page, `the filtered queue at ${width} px`);
    await page.screenshot({ path: `test-results/queue-filtered-${width}.png`, fullPage: true });
    await page.context().close();
  }
});
