// Limits a visitor meets: a paused code path (with the mail's link still working), too many
// sign-in mails, too many applications or drafts for one address, and the robots' honeypot.
// Each test reads the database after the requests, as an attacker's effect would show there.
import { expect, test, type Page } from "./fixtures";
import { linkIn } from "../support/mailbox";
import { one, query, type Param } from "./db";
import { expectThanksPage, fillForm, mailsTo, requestSignIn, submitButton, uniqueEmail, validValues, waitForHydration, waitForNewMail } from "./helpers";

const countWhere = async (table: string, where: string, ...params: Param[]) =>
  (await one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params))!.n;

const LOCKED =
  /Er is te vaak een verkeerde code ingevuld voor dit e-mailadres\. Daarom kunt u pas vanaf \d{1,2} \w+ \d{4} om \d{2}:\d{2} weer inloggen met een code\. De link in de e-mail werkt wel/;

async function typeCode(page: Page, code: string) {
  await page.getByLabel("Code van 6 cijfers").fill(code);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? "JavaScript aan" : "JavaScript uit";

  test.describe(`grenzen, ${mode}`, () => {
    test.use({ javaScriptEnabled });

    test("na 10 verkeerde codes stopt inloggen met een code even; de link uit de e-mail werkt nog", async ({ page }) => {
      const email = uniqueEmail("geraden");
      let { code } = await requestSignIn(page, email);
      for (let i = 0; i < 10; i++) {
        if (i === 5) {
          // A code is used up after five tries: ask for a new mail, as an attacker would.
          await page.getByRole("link", { name: "Ander e-mailadres gebruiken" }).click();
          ({ code } = await requestSignIn(page, email));
        }
        const wrong = code === "000000" ? "111111" : "000000";
        const response = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/inloggen/code"));
        await typeCode(page, wrong);
        if (!javaScriptEnabled) expect((await response).status()).toBe(i === 9 ? 429 : 400);
        else await response;
      }
      await expect(page.getByRole("alert")).toContainText(LOCKED);
      await expect(page.getByText("Ingelogd als")).toHaveCount(0);

      // The right code from the newest mail is refused too, while the pause lasts.
      await typeCode(page, code);
      await expect(page.getByRole("alert")).toContainText(LOCKED);
      await expect(page.getByText("Ingelogd als")).toHaveCount(0);
      // Coming back to the page later still says so.
      await page.goto("/inloggen/code");
      await expect(page.getByRole("status")).toContainText(LOCKED);

      // The person hears of it by mail, and the audit log has the lockout.
      const lockMail = await waitForNewMail(email, /^Inloggen met een code is even gestopt$/, 0);
      expect(lockMail.text).toContain(email);
      expect(lockMail.text).toContain("Inloggen met de link uit de e-mail werkt wel");
      const locks = await query<{ entity_id: string; after_json: string }>(
        "SELECT entity_id, after_json FROM audit_log WHERE action = 'sign_in.locked' AND entity_id = ?",
        [email],
      );
      expect(locks).toHaveLength(1);

      // The link in the newest sign-in mail still signs the person in.
      const newest = mailsTo(email, /^Uw code om in te loggen: \d{6}$/).at(-1)!;
      await page.goto(linkIn(newest, /https?:\/\/[^\s"]+\/inloggen\/link\/[A-Za-z0-9_-]+/));
      await page.getByRole("button", { name: "Nu inloggen" }).click();
      await expect(page.getByText(`Ingelogd als ${email}`)).toBeVisible();
      expect(await countWhere("audit_log", "action = 'user.signed_in' AND actor_label = ? AND after_json = ?", email, JSON.stringify({ method: "link" }))).toBe(
        1,
      );
      expect(await countWhere("audit_log", "action = 'user.created' AND actor_label = ?", email)).toBe(1);
    });

    test("te veel opgeslagen aanvragen voor 1 e-mailadres: een rustige melding, de invoer blijft staan", async ({ page }) => {
      const email = uniqueEmail("concept");
      for (let i = 0; i <= 3; i++) {
        await page.goto("/aanvragen/nieuw");
        if (javaScriptEnabled) await waitForHydration(page);
        await fillForm(page, { name: "Fenna de Wit", email, title: `Buurtontbijt ${i}` });
        const response = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/aanvragen/nieuw"));
        await page.getByRole("button", { name: "Opslaan en later verdergaan" }).click();
        if (i < 3) {
          await expect(page.getByRole("heading", { level: 1, name: "Uw aanvraag is opgeslagen" })).toBeVisible();
          continue;
        }
        if (!javaScriptEnabled) expect((await response).status()).toBe(429);
        await expect(page.getByRole("alert").filter({ hasText: "Deze aanvraag is in korte tijd vaak opgeslagen" })).toContainText(
          /Probeer het vanaf \d{1,2} \w+ \d{4} om \d{2}:\d{2} opnieuw/,
        );
        await expect(page.getByLabel("Naam van uw idee")).toHaveValue("Buurtontbijt 3");
        await expect(page.getByLabel("Uw e-mailadres")).toHaveValue(email);
      }
      expect(await countWhere("drafts", "email = ?", email)).toBe(3);
      expect(await countWhere("outbox", "to_address = ? AND template = 'draft-saved'", email)).toBe(3);
    });

    test("te veel aanvragen voor 1 e-mailadres: een rustige melding, de invoer blijft staan", async ({ page }) => {
      const email = uniqueEmail("veel");
      for (let i = 0; i <= 3; i++) {
        await page.goto("/aanvragen/nieuw");
        if (javaScriptEnabled) await waitForHydration(page);
        await fillForm(page, validValues({ email, title: `Straatfeest ${i} ${Date.now()}` }));
        const response = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/aanvragen/nieuw"));
        await submitButton(page).click();
        if (i < 3) {
          await expectThanksPage(page);
          continue;
        }
        if (!javaScriptEnabled) expect((await response).status()).toBe(429);
        await expect(page.getByRole("alert").filter({ hasText: "U heeft in korte tijd veel aanvragen verstuurd" })).toContainText(
          "Uw gegevens staan nog in het formulier.",
        );
        await expect(page.getByLabel("Naam van uw idee")).toHaveValue(/^Straatfeest 3 /);
        await expect(page.getByLabel("Hoeveel geld vraagt u aan?")).toHaveValue("250");
      }
      expect(await countWhere("applications", "applicant_email = ?", email)).toBe(3);
      // Nobody proved they own this address: no account was made for it.
      expect(await countWhere("users", "email = ?", email)).toBe(0);
    });

    test("een ingevuld lokveld (honeypot) lijkt te lukken, maar bewaart en verstuurt niets", async ({ page }) => {
      await page.goto("/aanvragen/nieuw");
      if (javaScriptEnabled) await waitForHydration(page);
      // People, screen readers and the keyboard never meet the field.
      const trap = page.locator('input[name="website"]');
      await expect(trap).toHaveAttribute("tabindex", "-1");
      await expect(trap).toHaveAttribute("autocomplete", "off");
      await expect(page.locator('[aria-hidden="true"]:has(input[name="website"])')).toHaveCount(1);
      await expect(page.getByRole("textbox", { name: "Laat dit veld leeg" })).toHaveCount(0);
      const box = await trap.boundingBox();
      expect(box!.x + box!.width).toBeLessThan(0);

      const values = validValues();
      await fillForm(page, values);
      await trap.fill("https://spam.example", { force: true });
      const response = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/aanvragen/nieuw"));
      await submitButton(page).click();
      const answer = await response;
      if (!javaScriptEnabled) {
        expect(answer.status()).toBe(302);
        expect(answer.headers()["location"]).toBe("/aanvragen/bedankt");
      }
      await expect(page).toHaveURL(/\/aanvragen\/(bedankt|nieuw)$/);
      expect(await countWhere("applications", "title = ?", values.title)).toBe(0);
      expect(await countWhere("outbox", "to_address = ?", values.email)).toBe(0);

      // The same for "save and continue later": the saved page, but no draft and no mail.
      await page.goto("/aanvragen/nieuw");
      if (javaScriptEnabled) await waitForHydration(page);
      await fillForm(page, { name: "Robot", email: values.email, title: "Spam" });
      await page.locator('input[name="website"]').fill("https://spam.example", { force: true });
      await page.getByRole("button", { name: "Opslaan en later verdergaan" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Uw aanvraag is opgeslagen" })).toBeVisible();
      expect(await countWhere("drafts", "email = ?", values.email)).toBe(0);
      expect(await countWhere("outbox", "to_address = ?", values.email)).toBe(0);
    });
  });
}

test("te veel inlogmails naar 1 adres: de melding zegt dat de nieuwste e-mail nog werkt, en de code daaruit werkt", async ({ page }) => {
  const email = uniqueEmail("overspoeld");
  for (let i = 0; i < 5; i++) await requestSignIn(page, email);
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  const response = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/inloggen"));
  await page.getByRole("button", { name: "Stuur mij een code" }).click();
  expect((await response).status()).toBe(429);
  await expect(page.getByRole("alert")).toContainText("Dan werken de code en de link in de nieuwste e-mail nog. Een nieuwe e-mail kunt u vragen vanaf");
  expect(await countWhere("login_codes", "email = ?", email)).toBe(5);
  await page.getByRole("link", { name: "Code uit de e-mail invullen" }).click();
  const newest = mailsTo(email, /^Uw code om in te loggen: \d{6}$/).at(-1)!;
  await typeCode(page, /(\d{6})$/.exec(newest.subject)![1]!);
  await expect(page.getByText(`Ingelogd als ${email}`)).toBeVisible();
});
