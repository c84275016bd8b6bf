// Signing in without a password: the code and the link from a real mail, each usable once.
import { expect, test } from "./fixtures";
import { countRows, requestSignIn, signIn, uniqueEmail } from "./helpers";

test.describe("inloggen", () => {
  test("met de code uit de e-mail, en dezelfde code werkt maar 1 keer", async ({ page, browser }) => {
    const email = uniqueEmail();
    const { code, mail } = await requestSignIn(page, email);
    expect(mail.to).toEqual([email]);
    expect(mail.text).toContain(code);
    await expect(page.getByText(`Wij hebben een e-mail gestuurd naar ${email}`)).toBeVisible();

    await page.getByLabel("Code van 6 cijfers").fill(code);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page).toHaveURL(/\/mijn-aanvragen$/);
    await expect(page.getByRole("heading", { level: 1, name: "Mijn aanvragen" })).toBeVisible();
    await expect(page.getByText(`Ingelogd als ${email}`)).toBeVisible();
    await expect(page.getByText("U heeft nog geen aanvragen gedaan met dit e-mailadres.")).toBeVisible();

    // Someone else (another browser) asks for a new code for the same address, and tries the old one.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto("/inloggen");
    await otherPage.getByLabel("E-mailadres").fill(email);
    await otherPage.getByRole("button", { name: "Stuur mij een code" }).click();
    await otherPage.getByLabel("Code van 6 cijfers").fill(code);
    await otherPage.getByRole("button", { name: "Inloggen" }).click();
    await expect(otherPage.getByRole("alert")).toContainText(
      "Deze code klopt niet, is al gebruikt of is verlopen. Gebruik de code uit de nieuwste e-mail, of vraag een nieuwe code aan.",
    );
    await expect(otherPage.getByLabel("Code van 6 cijfers")).toHaveAttribute("aria-invalid", "true");
    await expect(otherPage).toHaveURL(/\/inloggen\/code$/);
    const status = await otherPage.request.get("/mijn-aanvragen", { maxRedirects: 0 });
    expect(status.status()).toBe(302);
    expect(status.headers()["location"]).toMatch(/^\/inloggen\?terug=/);
    await other.close();
  });

  test("met de link uit de e-mail; de link werkt maar 1 keer", async ({ page, browser }) => {
    const email = uniqueEmail();
    const { link } = await requestSignIn(page, email);

    // The resident opens the link in another browser (the mail app): a button, not an automatic sign-in.
    const mailApp = await browser.newContext();
    const linkPage = await mailApp.newPage();
    await linkPage.goto(link);
    await expect(linkPage.getByRole("heading", { level: 1, name: "Inloggen met uw link" })).toBeVisible();
    // Only opening the link (as a mail scanner would) signs nobody in.
    expect(await countRows("login_codes", "WHERE email = ? AND used_at IS NOT NULL", [email])).toBe(0);
    await linkPage.getByRole("button", { name: "Nu inloggen" }).click();
    await expect(linkPage).toHaveURL(/\/mijn-aanvragen$/);
    await expect(linkPage.getByText(`Ingelogd als ${email}`)).toBeVisible();

    // The same link again, in a third browser: refused.
    const again = await browser.newContext();
    const againPage = await again.newPage();
    await againPage.goto(link);
    await againPage.getByRole("button", { name: "Nu inloggen" }).click();
    await expect(againPage.getByRole("alert")).toContainText("Deze link werkt niet meer");
    await expect(againPage.getByRole("link", { name: "Nieuwe code aanvragen" })).toBeVisible();
    await expect(againPage.getByText("Ingelogd als")).toHaveCount(0);

    // The code from that mail is used up with the link as well.
    await againPage.getByRole("link", { name: "Nieuwe code aanvragen" }).click();
    await expect(againPage).toHaveURL(/\/inloggen$/);
    await mailApp.close();
    await again.close();
  });

  test("de code uit een gebruikte mail werkt niet meer nadat met de link is ingelogd", async ({ page, browser }) => {
    const email = uniqueEmail();
    const { code, link } = await requestSignIn(page, email);
    const mailApp = await browser.newContext();
    const linkPage = await mailApp.newPage();
    await linkPage.goto(link);
    await linkPage.getByRole("button", { name: "Nu inloggen" }).click();
    await expect(linkPage.getByText(`Ingelogd als ${email}`)).toBeVisible();
    await mailApp.close();

    await page.getByLabel("Code van 6 cijfers").fill(code);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByRole("alert")).toContainText("Deze code klopt niet, is al gebruikt of is verlopen.");
    await expect(page.getByText("Ingelogd als")).toHaveCount(0);
  });

  test("een verkeerde code en een onjuist e-mailadres geven een duidelijke melding", async ({ page }) => {
    await page.goto("/inloggen");
    await page.getByLabel("E-mailadres").fill("geen-adres");
    await page.getByRole("button", { name: "Stuur mij een code" }).click();
    await expect(page.getByRole("alert")).toContainText("Dit e-mailadres klopt niet. Een e-mailadres ziet er zo uit: naam@voorbeeld.nl");
    await expect(page.getByLabel("E-mailadres")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("E-mailadres")).toHaveValue("geen-adres");

    const email = uniqueEmail();
    const { code } = await requestSignIn(page, email);
    await page.getByLabel("Code van 6 cijfers").fill("12ab");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByRole("alert")).toContainText("Een code heeft 6 cijfers, bijvoorbeeld 123456.");
    const wrong = code === "000000" ? "111111" : "000000";
    await page.getByLabel("Code van 6 cijfers").fill(wrong);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByRole("alert")).toContainText("Deze code klopt niet");
    // The right code still works after one wrong try.
    await page.getByLabel("Code van 6 cijfers").fill(code);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByText(`Ingelogd als ${email}`)).toBeVisible();
  });

  test("uitloggen", async ({ page }) => {
    const email = uniqueEmail();
    await signIn(page, email);
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page.getByRole("link", { name: "Inloggen" })).toBeVisible();
    await page.goto("/mijn-aanvragen");
    await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmijn-aanvragen$/);
  });
});
