// "Opslaan en later verdergaan": a mail with a link that brings the filled-in form back.
import { expect, test } from "./fixtures";
import { countRows, errorSummary, expectThanksPage, fillForm, submitButton, validValues, waitForHydration, waitForNewMail } from "./helpers";
import { linkIn } from "../support/mailbox";

const DRAFT_SUBJECT = /^Ga verder met uw aanvraag$/;

for (const javaScriptEnabled of [false, true]) {
  test(`opslaan en later verdergaan brengt het formulier terug (JavaScript ${javaScriptEnabled ? "aan" : "uit"})`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/aanvragen/nieuw");
    if (javaScriptEnabled) await waitForHydration(page);
    // Half filled in: no date, no participants yet.
    const v = validValues({
      factors: ["Organiseren van ontmoeting", "Sociale verbondenheid en netwerken"],
      amount: "1.250,50",
      consent: "Nee, liever niet",
      area: "Centrum-Oud",
    });
    await fillForm(page, { ...v, date: undefined, participants: undefined, costs: [{ description: "Huur zaal", amount: "1.250,50" }] });
    const applications = await countRows();
    await page.getByRole("button", { name: "Opslaan en later verdergaan" }).click();

    await expect(page).toHaveURL(/\/aanvragen\/opgeslagen$/);
    await expect(page.getByRole("heading", { level: 1, name: "Uw aanvraag is opgeslagen" })).toBeVisible();
    await expect(page.getByText(`Wij hebben een e-mail gestuurd naar ${v.email}`)).toBeVisible();
    expect(await countRows()).toBe(applications); // a draft is not an application
    await context.close();

    const mail = await waitForNewMail(v.email, DRAFT_SUBJECT, 0);
    const link = linkIn(mail, new RegExp(`${baseURL!.replace(/[.:/]/g, "\\$&")}/aanvragen/nieuw\\?concept=[A-Za-z0-9_-]+`));

    // Later, in another browser.
    const later = await browser.newContext({ javaScriptEnabled });
    const form = await later.newPage();
    await form.goto(link);
    await expect(form.getByText("Welkom terug. Uw opgeslagen aanvraag staat hieronder klaar.")).toBeVisible();
    await expect(form.getByLabel("Uw naam")).toHaveValue(v.name);
    await expect(form.getByLabel("Uw e-mailadres")).toHaveValue(v.email);
    await expect(form.getByLabel("In welke wijk of buurt is uw idee?")).toHaveValue("centrum-oud");
    await expect(form.getByLabel("Naam van uw idee")).toHaveValue(v.title);
    await expect(form.getByLabel("Wat wilt u doen, en voor wie?")).toHaveValue(v.description);
    await expect(form.getByRole("checkbox", { name: "Organiseren van ontmoeting" })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: "Sociale verbondenheid en netwerken" })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: "Stabiele gezinssituatie" })).not.toBeChecked();
    await expect(form.getByLabel("Hoeveel geld vraagt u aan?")).toHaveValue("1.250,50");
    await expect(form.getByLabel("Kosten 1: waarvoor")).toHaveValue("Huur zaal");
    await expect(form.getByLabel("Kosten 1: bedrag")).toHaveValue("1.250,50");
    await expect(form.getByRole("radio", { name: "Nee, liever niet" })).toBeChecked();
    await expect(form.getByLabel("Wanneer wilt u het doen?")).toHaveValue("");

    // Finish and send.
    if (javaScriptEnabled) await waitForHydration(form);
    await fillForm(form, { date: v.date, participants: "25" });
    await submitButton(form).click();
    await expectThanksPage(form);
    expect(await countRows()).toBe(applications + 1);

    // The link has done its work.
    await form.goto(link);
    await expect(form.getByText("Deze link om verder te gaan werkt niet meer.", { exact: false })).toBeVisible();
    await expect(form.getByLabel("Uw naam")).toHaveValue("");
    await later.close();
  });
}

test("opslaan zonder e-mailadres vraagt om het e-mailadres en bewaart niets", async ({ page }) => {
  await page.goto("/aanvragen/nieuw");
  await waitForHydration(page);
  await page.getByLabel("Uw naam").fill("Fenna de Wit");
  await page.getByLabel("Naam van uw idee").fill("Buurtontbijt");
  const drafts = await countRows("drafts");
  await page.getByRole("button", { name: "Opslaan en later verdergaan" }).click();
  await expect(errorSummary(page).getByRole("heading", { name: "Er is 1 ding nog niet goed" })).toBeVisible();
  await expect(errorSummary(page).getByRole("link")).toHaveText("Vul uw e-mailadres in.");
  await expect(page.getByLabel("Uw e-mailadres")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Naam van uw idee")).toHaveValue("Buurtontbijt");
  expect(await countRows("drafts")).toBe(drafts);
});
