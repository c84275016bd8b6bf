// The public application form, with JavaScript off (plain HTML form) and on (conform checks in
// the browser): a resident sends an idea, sees the reference, and gets the confirmation mail.
import { expect, test, type Page } from "./fixtures";
import { linkIn, waitForMail } from "../support/mailbox";
import { countRows, errorSummary, expectThanksPage, fillForm, submitButton, validValues, waitForHydration, applicationByReference } from "./helpers";

const FIELD_LABELS = [
  "Uw naam",
  "Uw e-mailadres",
  "In welke wijk of buurt is uw idee?",
  "Naam van uw idee",
  "Wat wilt u doen, en voor wie?",
  "Wanneer wilt u het doen?",
  "Hoeveel mensen doen er ongeveer mee?",
  "Hoeveel geld vraagt u aan?",
];

async function openFormFromHome(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: "Vraag geld aan voor uw idee" }).click();
  await expect(page).toHaveURL(/\/aanvragen\/nieuw$/);
  await expect(page.getByRole("heading", { level: 1, name: "Vraag geld aan voor uw idee" })).toBeVisible();
}

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? "JavaScript aan" : "JavaScript uit";

  test.describe(`aanvraagformulier, ${mode}`, () => {
    test.use({ javaScriptEnabled });

    test("een bewoner verstuurt een idee en ziet het aanvraagnummer", async ({ page }) => {
      await openFormFromHome(page);
      if (javaScriptEnabled) await waitForHydration(page);
      const values = validValues({
        amount: "1.250,50",
        costs: [
          { description: "Tafels en stoelen huren", amount: "1.000" },
          { description: "Koffie en broodjes", amount: "250,50" },
        ],
      });
      const before = await countRows();
      await fillForm(page, values);
      await submitButton(page).click();
      const reference = await expectThanksPage(page);
      expect(await countRows()).toBe(before + 1);

      const row = await applicationByReference(reference);
      expect(row).toMatchObject({
        title: values.title,
        applicant_name: values.name,
        applicant_email: values.email.toLowerCase(),
        area_id: "kroeven",
        requested_cents: 125050,
        activity_date: values.date,
        expected_participants: 40,
        public_consent: 1,
        status: "submitted",
      });
    });

    test("leeg versturen geeft een foutoverzicht in het Nederlands en schrijft niets", async ({ page }) => {
      await page.goto("/aanvragen/nieuw");
      if (javaScriptEnabled) await waitForHydration(page);
      const before = await countRows();
      await submitButton(page).click();

      const summary = errorSummary(page);
      await expect(summary).toBeVisible();
      await expect(summary.getByRole("heading", { name: "Er zijn 10 dingen nog niet goed" })).toBeVisible();
      for (const message of [
        "Vul uw naam in.",
        "Vul uw e-mailadres in.",
        "Kies de wijk of buurt van uw idee.",
        "Geef uw idee een naam.",
        "Vertel wat u wilt doen en voor wie.",
        "Vul een datum in.",
        "Vul in hoeveel mensen ongeveer meedoen.",
        "Kies minstens 1 beschermende factor.",
        "Vul het bedrag in dat u aanvraagt.",
        "Kies ja of nee.",
      ]) {
        await expect(summary.getByRole("link", { name: message })).toBeVisible();
      }
      for (const label of FIELD_LABELS) {
        await expect(page.getByLabel(label)).toHaveAttribute("aria-invalid", "true");
      }
      // The summary's links lead to the fields.
      await summary.getByRole("link", { name: "Geef uw idee een naam." }).click();
      await expect(page.getByLabel("Naam van uw idee")).toBeFocused();
      expect(await countRows()).toBe(before);
    });

    test("fouten staan naast het veld en wat goed was blijft staan", async ({ page }) => {
      await page.goto("/aanvragen/nieuw");
      if (javaScriptEnabled) await waitForHydration(page);
      const values = validValues({ email: "geen-adres", amount: "veel" });
      const before = await countRows();
      await fillForm(page, values);
      await submitButton(page).click();

      const summary = errorSummary(page);
      await expect(summary.getByRole("heading", { name: "Er zijn 2 dingen nog niet goed" })).toBeVisible();
      const email = page.getByLabel("Uw e-mailadres");
      await expect(email).toHaveAttribute("aria-invalid", "true");
      await expect(email).toHaveAccessibleDescription(/Dit e-mailadres klopt niet\. Een e-mailadres ziet er zo uit: naam@voorbeeld\.nl/);
      await expect(page.getByLabel("Hoeveel geld vraagt u aan?")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("Hoeveel geld vraagt u aan?")).toHaveAccessibleDescription(/\S/);

      // Everything typed is still there.
      await expect(page.getByLabel("Uw naam")).toHaveValue(values.name);
      await expect(email).toHaveValue("geen-adres");
      await expect(page.getByLabel("In welke wijk of buurt is uw idee?")).toHaveValue("kroeven");
      await expect(page.getByLabel("Naam van uw idee")).toHaveValue(values.title);
      await expect(page.getByLabel("Wat wilt u doen, en voor wie?")).toHaveValue(values.description);
      await expect(page.getByLabel("Wanneer wilt u het doen?")).toHaveValue(values.date);
      await expect(page.getByLabel("Hoeveel mensen doen er ongeveer mee?")).toHaveValue("40");
      await expect(page.getByRole("checkbox", { name: "Organiseren van ontmoeting" })).toBeChecked();
      await expect(page.getByLabel("Hoeveel geld vraagt u aan?")).toHaveValue("veel");
      await expect(page.getByRole("radio", { name: "Ja, dat mag" })).toBeChecked();
      await expect(page.getByLabel("Naam van uw idee")).not.toHaveAttribute("aria-invalid", "true");
      expect(await countRows()).toBe(before);

      // Correcting the two fields is enough to send it.
      await email.fill(`verbeterd-${Date.now()}@example.org`);
      await page.getByLabel("Hoeveel geld vraagt u aan?").fill("300");
      await submitButton(page).click();
      await expectThanksPage(page);
      expect(await countRows()).toBe(before + 1);
    });
  });
}

test("de bevestiging komt echt aan bij de mailserver en de statuslink werkt", async ({ page, baseURL }) => {
  await page.goto("/aanvragen/nieuw");
  await waitForHydration(page);
  const values = validValues();
  await fillForm(page, values);
  await submitButton(page).click();
  const reference = await expectThanksPage(page);

  const mail = await waitForMail(values.email, new RegExp(`^Wij hebben uw aanvraag ${reference} ontvangen$`));
  expect(mail.to).toEqual([values.email.toLowerCase()]);
  expect(mail.text).toContain(`Beste ${values.name},`);
  expect(mail.text).toContain(values.title);
  const statusLink = linkIn(mail, new RegExp(`${baseURL!.replace(/[.:/]/g, "\\$&")}/status/[A-Za-z0-9_-]+`));
  expect(mail.html).toContain(statusLink);

  // The resident opens the link in a fresh browser, without being signed in.
  const fresh = await page.context().browser()!.newContext();
  const other = await fresh.newPage();
  await other.goto(statusLink);
  await expect(other.getByRole("heading", { level: 1, name: `Aanvraag ${reference}` })).toBeVisible();
  await expect(other.getByText(values.title)).toBeVisible();
  await expect(other.getByRole("heading", { name: "Waar staat uw aanvraag?" })).toBeVisible();
  const current = other.getByRole("listitem").filter({ hasText: "Ontvangen" }).first();
  await expect(current).toHaveAttribute("aria-current", "step");
  await expect(other.getByText("Kroeven")).toBeVisible();
  // Contact details are not on the public status page.
  await expect(other.getByText(values.email)).toHaveCount(0);

  // A made-up token shows nothing.
  const missing = await other.goto("/status/dit-is-geen-echte-token");
  expect(missing?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "Wij vinden deze aanvraag niet" })).toBeVisible();
  await expect(other.getByText("Controleer of u de hele link heeft overgenomen.")).toBeVisible();
  await fresh.close();
});

test.describe("aanvraagformulier, JavaScript aan: meteen controleren", () => {
  // Regression: the error summary took focus (and moved the page) whenever its list changed,
  // also while the resident was still filling in or correcting a field.
  test("focus blijft waar de bewoner is als hij een fout veld verlaat", async ({ page }) => {
    await page.goto("/aanvragen/nieuw");
    await waitForHydration(page);
    await page.getByLabel("Uw e-mailadres").fill("geen-adres");
    await page.getByLabel("Naam van uw idee").click();
    await expect(page.getByLabel("Naam van uw idee")).toBeFocused();
    await page.keyboard.type("Samen koken");
    await expect(page.getByLabel("Naam van uw idee")).toHaveValue("Samen koken");
  });

  test("focus blijft in het veld terwijl de bewoner een fout verbetert", async ({ page }) => {
    await page.goto("/aanvragen/nieuw");
    await waitForHydration(page);
    await fillForm(page, validValues({ email: "geen-adres", amount: "veel" }));
    await submitButton(page).click();
    await expect(errorSummary(page).getByRole("heading", { name: "Er zijn 2 dingen nog niet goed" })).toBeVisible();
    const amount = page.getByLabel("Hoeveel geld vraagt u aan?");
    await amount.fill("");
    await amount.pressSequentially("300", { delay: 50 });
    await expect(amount).toHaveValue("300");
    await expect(amount).toBeFocused();
    // The corrected field is no longer marked, and the summary counts what is left.
    await expect(amount).not.toHaveAttribute("aria-invalid", "true");
    await expect(errorSummary(page).getByRole("heading", { name: "Er is 1 ding nog niet goed" })).toBeVisible();
    await expect(page.getByLabel("Uw e-mailadres")).toHaveAttribute("aria-invalid", "true");
  });
});
