// Who sees what: a resident sees only their own applications, the bureau sees all of them,
// and a neighbourhood worker (supporter) fills in the form for a resident without e-mail.
import { expect, signInAs, test, type Page } from "./fixtures";
import { waitForMail } from "../support/mailbox";
import { applicationByReference, expectThanksPage, fillForm, signIn, submitAnonymously, submitButton, validValues } from "./helpers";
import { one, query } from "./db";

async function referenceOfTitle(title: string): Promise<string> {
  return (await one<{ reference: string }>("SELECT reference FROM applications WHERE title = ?", [title]))!.reference;
}

async function referencesNewestFirst(): Promise<string[]> {
  return (await query<{ reference: string }>("SELECT reference FROM applications ORDER BY submitted_at DESC, reference DESC")).map((r) => r.reference);
}

/** An anonymous resident sends an application (JavaScript off, the quickest path). */
const status = async (page: Page, path: string) => (await page.goto(path))?.status();

test.describe("toegang", () => {
  test("een bewoner ziet zijn eigen aanvraag, niet die van een ander (404) en niet het beheer (403)", async ({ page, browser }) => {
    const { values, reference } = await submitAnonymously(browser, { title: `Eigen idee ${Date.now()}` });
    const othersReference = await referenceOfTitle("Samen koken in de Kroeven");

    // Signed in without the mail round trip: sign-in.spec.ts tests that path.
    await signInAs(page, values.email);
    await page.goto("/mijn-aanvragen");
    await expect(page.getByRole("heading", { level: 1, name: "Mijn aanvragen" })).toBeVisible();
    const mine = page.getByRole("link", { name: `Bekijk aanvraag ${reference}` });
    await expect(mine).toBeVisible();
    await expect(page.getByText("Samen koken in de Kroeven")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Aanvragen beheren" })).toHaveCount(0);

    await mine.click();
    await expect(page).toHaveURL(new RegExp(`/mijn-aanvragen/${reference}$`));
    await expect(page.getByRole("heading", { level: 1, name: values.title })).toBeVisible();
    await expect(page.getByText(`Aanvraag ${reference}`)).toBeVisible();

    // Someone else's application: 404, so its existence is not given away.
    expect(await status(page, `/mijn-aanvragen/${othersReference}`)).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Deze pagina bestaat niet" })).toBeVisible();
    await expect(page.getByText("Samen koken in de Kroeven")).toHaveCount(0);
    expect(await status(page, "/mijn-aanvragen/IF-1999-9999")).toBe(404);

    // The bureau pages: 403.
    expect(await status(page, "/beheer/aanvragen")).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Geen toegang" })).toBeVisible();
    expect(await status(page, `/beheer/aanvragen/${othersReference}`)).toBe(403);
    await expect(page.getByText("Samen koken in de Kroeven")).toHaveCount(0);
  });

  test("zonder inloggen: Mijn aanvragen en het beheer vragen eerst om in te loggen", async ({ page }) => {
    await page.goto("/beheer/aanvragen");
    await expect(page).toHaveURL(/\/inloggen\?terug=%2Fbeheer%2Faanvragen$/);
    await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
    await page.goto("/mijn-aanvragen");
    await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmijn-aanvragen$/);
  });

  test("het programmabureau logt in en ziet alle aanvragen, de nieuwste bovenaan, en een aanvraag in detail", async ({ page, browser }) => {
    const { values, reference } = await submitAnonymously(browser, { area: "Fatima", amount: "1.250,50" });

    await signInAs(page, "beoordelaar@example.org");
    await page.goto("/beheer/aanvragen");
    await expect(page.getByRole("heading", { level: 1, name: "Aanvragen" })).toBeVisible();

    const table = page.getByRole("table");
    const headers = await table.getByRole("columnheader").allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(["Nummer", "Idee", "Wijk of buurt", "Bedrag", "Status", "Behandeld door", "Wacht op antwoord"]);
    const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
    const expected = await referencesNewestFirst();
    await expect(rows).toHaveCount(Math.min(expected.length, 50));
    // The number is the first line of its cell (a link, or plain text where a conflict was declared).
    const shown = (await rows.locator("td:first-child").allInnerTexts()).map((t) => t.split("\n")[0]!.trim());
    expect(shown).toEqual(expected.slice(0, 50));
    expect(shown[0]).toBe(reference);

    const first = rows.first();
    await expect(first.getByRole("cell").nth(1)).toHaveText(values.title);
    await expect(first.getByRole("cell").nth(2)).toHaveText("Fatima");
    await expect(first.getByRole("cell").nth(3)).toHaveText(/1\.250,50/);
    await expect(first.getByRole("cell").nth(4)).toHaveText("Ontvangen");
    await expect(first.getByRole("cell").nth(5)).toHaveText("Nog niemand");
    // Sent today: the answer is due within 5 working days and is not late.
    await expect(first.getByRole("cell").nth(6)).toHaveText(/^0 van 5 werkdagen, uiterlijk \d{1,2} \w+ \d{4}$/);
    // Demo applications sent about two weeks ago and still with the bureau are marked late; the
    // oldest one waits for the resident's answer to a question, so the bureau's clock is stopped.
    await expect(rows.filter({ hasText: "Kledingruil voor gezinnen" }).getByRole("cell").nth(6)).toContainText("Te laat");
    await expect(rows.filter({ hasText: "Samen koken in de Kroeven" }).getByRole("cell").nth(6)).toHaveText("–");

    await first.getByRole("link", { name: reference }).click();
    await expect(page).toHaveURL(new RegExp(`/beheer/aanvragen/${reference}$`));
    await expect(page.getByRole("heading", { level: 1, name: values.title })).toBeVisible();
    await expect(page.getByText(values.name, { exact: true })).toBeVisible();
    await expect(page.getByText(values.email.toLowerCase())).toBeVisible();
    await expect(page.getByRole("heading", { name: "Geschiedenis" })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Aanvraag verstuurd door de aanvrager (zonder account)" })).toBeVisible();
    await page.getByRole("link", { name: "Terug naar alle aanvragen" }).click();
    await expect(page).toHaveURL(/\/beheer\/aanvragen$/);

    expect(await status(page, "/beheer/aanvragen/IF-1999-9999")).toBe(404);
  });

  test("een beoordelaar die via Inloggen inlogt komt op een pagina die hij mag zien", async ({ page }) => {
    await signIn(page, "fondsbeheer@example.org");
    await expect(page.getByRole("heading", { level: 1, name: "Geen toegang" })).toHaveCount(0);
    await page.getByRole("link", { name: "Aanvragen beheren" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Aanvragen" })).toBeVisible();
  });

  test("een buurtwerker vult een aanvraag in voor een bewoner met alleen een telefoonnummer", async ({ page }) => {
    const supporter = "buurtwerker@example.org";
    await signInAs(page, supporter);
    await page.goto("/mijn-aanvragen");
    await page.getByRole("link", { name: "Idee aanvragen" }).click();
    await expect(page.getByRole("heading", { name: "U vult dit in voor een bewoner" })).toBeVisible();
    await expect(page.getByLabel("Uw naam")).toHaveCount(0);

    const values = validValues({ title: `Buurtmoestuin ${Date.now()}`, area: "Hulsdonk" });
    await page.getByLabel("Naam van de bewoner").fill("Jan Bewoner");
    // Neither e-mail nor phone: the form asks for one of them.
    await fillForm(page, { ...values, name: undefined, email: undefined });
    await submitButton(page).click();
    await expect(page.getByRole("alert")).toContainText("Vul een e-mailadres of een telefoonnummer van de bewoner in.");
    await expect(page.getByLabel("E-mailadres van de bewoner")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Telefoonnummer van de bewoner").fill("06 1234 5678");
    await submitButton(page).click();
    const reference = await expectThanksPage(page);
    await expect(page.getByText("De bewoner krijgt een bevestiging. Zonder e-mailadres sturen wij die naar u.")).toBeVisible();
    expect(await applicationByReference(reference)).toMatchObject({ applicant_name: "Jan Bewoner", applicant_email: null, applicant_phone: "0612345678" });

    // Without an e-mail address of the resident, the confirmation goes to the supporter.
    const mail = await waitForMail(supporter, new RegExp(`^Wij hebben uw aanvraag ${reference} ontvangen$`));
    expect(mail.text).toContain("Beste Jan Bewoner,");

    await page.getByRole("link", { name: "Mijn aanvragen" }).click();
    const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `Bekijk aanvraag ${reference}` }) });
    await expect(card).toContainText("Ingevuld voor Jan Bewoner");
    await card.getByRole("link", { name: `Bekijk aanvraag ${reference}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: values.title })).toBeVisible();
    await expect(page.getByText("0612345678")).toBeVisible();
  });
});
