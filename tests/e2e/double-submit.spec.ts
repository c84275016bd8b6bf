// Sending the same form twice (double click, resend, back button) makes one application.
import { expect, test } from "./fixtures";
import { countRows, expectThanksPage, fillForm, submitButton, validValues, waitForHydration } from "./helpers";

test.describe("twee keer versturen, JavaScript uit", () => {
  test.use({ javaScriptEnabled: false });

  test("hetzelfde formulier nog eens versturen (zelfde sleutel) maakt geen tweede aanvraag", async ({ page }) => {
    await page.goto("/aanvragen/nieuw");
    const submissionKey = await page.locator("input[name=submissionKey]").inputValue();
    expect(submissionKey.length).toBeGreaterThanOrEqual(8);
    const v = validValues();
    await fillForm(page, v);
    const before = await countRows();
    await submitButton(page).click();
    const reference = await expectThanksPage(page);
    expect(await countRows()).toBe(before + 1);

    // The browser resends exactly the same form body (a retry, a second click that got through).
    const body = new URLSearchParams({
      submissionKey,
      name: v.name,
      email: v.email,
      areaId: "kroeven",
      title: v.title,
      description: v.description,
      activityDate: v.date,
      participants: v.participants,
      amount: v.amount,
      publicConsent: "yes",
    });
    body.append("factorIds", "ontmoeting");
    const again = await page.request.post("/aanvragen/nieuw", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      data: body.toString(),
      maxRedirects: 0,
    });
    expect(again.status()).toBe(302);
    expect(again.headers()["location"]).toBe("/aanvragen/bedankt");
    expect(await countRows()).toBe(before + 1);
    // And the confirmation shows the first application's number.
    await page.goto("/aanvragen/bedankt");
    await expect(page.getByTestId("reference")).toHaveText(reference);
  });

  test("terug met de knop Vorige en opnieuw versturen maakt geen tweede aanvraag", async ({ page }) => {
    await page.goto("/aanvragen/nieuw");
    const v = validValues();
    await fillForm(page, v);
    const before = await countRows();
    await submitButton(page).click();
    const reference = await expectThanksPage(page);

    await page.goBack();
    await expect(page).toHaveURL(/\/aanvragen\/nieuw$/);
    // The browser shows the filled-in form again; the resident sends it once more.
    await expect(page.getByLabel("Uw naam")).toHaveValue(v.name);
    await expect(page.getByLabel("Naam van uw idee")).toHaveValue(v.title);
    const amount = page.getByLabel("Hoeveel geld vraagt u aan?");
    if ((await amount.inputValue()) === "") await amount.fill(v.amount); // Chromium does not restore autocomplete=off fields
    await submitButton(page).click();
    await expectThanksPage(page);
    await expect(page.getByTestId("reference")).toHaveText(reference);
    expect(await countRows()).toBe(before + 1);
  });
});

test("dubbelklikken op versturen (JavaScript aan) maakt 1 aanvraag", async ({ page }) => {
  await page.goto("/aanvragen/nieuw");
  await waitForHydration(page);
  await fillForm(page, validValues());
  const before = await countRows();
  await submitButton(page).dblclick();
  await expectThanksPage(page);
  // Give a possible second request time to land before counting.
  await page.waitForLoadState("networkidle");
  expect(await countRows()).toBe(before + 1);
});
