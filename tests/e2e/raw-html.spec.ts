// What an attacker sees: the raw HTML of every page a resident or anonymous visitor can open,
// including the loader data Remix serialises into it (window.__remixContext). Whatever the page
// renders, no e-mail address, phone number, internal id or hash may be in it that the page does
// not show. And the status link behaves as a capability link that ends after closing.
import { expect, test, type APIResponse, type Page, type Response } from "./fixtures";
import { expectThanksPage, fillForm, requestSignIn, signIn, submitAnonymously, submitButton, validValues, waitForNewMail } from "./helpers";
import { linkIn } from "../support/mailbox";
import { query, run, type Param } from "./db";

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const HEX_HASH = /\b[0-9a-f]{64}\b/gi;
const MOBILE = /\b06[\s-]?\d(?:[\s-]?\d){7}\b/g;

/** Every secret or personal value the server's database holds right now. */
async function databaseValues(): Promise<string[]> {
  const column = async (sql: string) => (await query<{ v: string | null }>(sql)).map((r) => r.v).filter((v): v is string => !!v);
  return (
    await Promise.all([
      column("SELECT id AS v FROM users"),
      column("SELECT email AS v FROM users"),
      column("SELECT id AS v FROM applications"),
      column("SELECT applicant_email AS v FROM applications"),
      column("SELECT applicant_phone AS v FROM applications"),
      column("SELECT status_token_hash AS v FROM applications"),
      column("SELECT content_hash AS v FROM applications"),
      column("SELECT submission_key AS v FROM applications"),
      column("SELECT id AS v FROM drafts"),
      column("SELECT token_hash AS v FROM drafts"),
      column("SELECT email AS v FROM drafts"),
      column("SELECT id AS v FROM login_codes"),
      column("SELECT code_hash AS v FROM login_codes"),
      column("SELECT link_hash AS v FROM login_codes"),
      column("SELECT id AS v FROM outbox"),
    ])
  ).flat();
}

/** The page's own form key (a fresh UUID the form posts back) is the one id the form may carry. */
const formKeys = (html: string) => [...html.matchAll(/name="submissionKey" value="([^"]+)"/g)].map((m) => m[1]!);

/**
 * Asserts the raw HTML holds no e-mail address, phone number, UUID or hash except those allowed
 * (what the page shows this visitor).
 */
async function expectNothingHidden(label: string, html: string, allowed: string[] = []) {
  expect(html, `${label}: has the serialised loader data`).toContain("window.__remixContext");
  const ok = new Set([...allowed.map((a) => a.toLowerCase()), ...formKeys(html).map((k) => k.toLowerCase())]);
  const lower = html.toLowerCase();
  for (const pattern of [EMAIL, UUID, HEX_HASH, MOBILE]) {
    const found = (html.match(pattern) ?? []).map((v) => v.toLowerCase()).filter((v) => !ok.has(v) && !ok.has(v.replace(/[\s-]/g, "")));
    expect(found, `${label}: ${pattern}`).toEqual([]);
  }
  for (const value of await databaseValues()) {
    if (ok.has(value.toLowerCase())) continue;
    expect(lower.includes(value.toLowerCase()), `${label}: contains ${value}`).toBe(false);
  }
}

async function raw(page: Page, path: string): Promise<{ response: APIResponse; html: string }> {
  const response = await page.request.get(path, { maxRedirects: 0 });
  return { response, html: await response.text() };
}

/** The raw body of the next document the browser loads at this path (say after a form's redirect). */
const nextDocument = (page: Page, path: string): Promise<Response> =>
  page.waitForResponse((r) => new URL(r.url()).pathname === path && r.request().resourceType() === "document");

const writeDb = (sql: string, ...params: Param[]) => run(sql, params);

const statusLink = /https?:\/\/[^\s"]+\/status\/[A-Za-z0-9_-]+/;

test.describe("raw HTML of the public and resident pages", () => {
  test("anonymous pages: home, form, sign-in, sign-in link, unknown pages", async ({ page }) => {
    for (const path of [
      "/",
      "/aanvragen/nieuw",
      "/aanvragen/nieuw?concept=bestaat-niet-0123456789abcdef",
      "/inloggen",
      "/inloggen?terug=%2Fmijn-aanvragen",
      "/inloggen/link/iets-dat-geen-token-is-0123456789",
      "/status/onbekend-0123456789abcdefghij",
    ]) {
      const { response, html } = await raw(page, path);
      expect([200, 404], path).toContain(response.status());
      await expectNothingHidden(path, html);
    }
  });

  test("a resident applies, saves a draft, signs in and looks: every page shows only their own address", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const values = validValues({ title: `Rauwe HTML ${Date.now()}` });

    // Save for later: the "opgeslagen" page names the address the link went to, and only that.
    await page.goto("/aanvragen/nieuw");
    await fillForm(page, { name: values.name, email: values.email, title: values.title });
    const saved = nextDocument(page, "/aanvragen/opgeslagen");
    await page.getByRole("button", { name: "Opslaan en later verdergaan" }).click();
    await expectNothingHidden("/aanvragen/opgeslagen", await (await saved).text(), [values.email]);
    const draftMail = await waitForNewMail(values.email, /^Ga verder met uw aanvraag$/, 0);
    const draftLink = linkIn(draftMail, /https?:\/\/[^\s"]+\/aanvragen\/nieuw\?concept=[A-Za-z0-9_-]+/);
    const draft = await raw(page, draftLink);
    expect(draft.response.status()).toBe(200);
    await expectNothingHidden("form with draft", draft.html, [values.email]);

    // Send it: the thanks page has the reference, nothing else of the person.
    await page.goto("/aanvragen/nieuw");
    await fillForm(page, values);
    const thanks = nextDocument(page, "/aanvragen/bedankt");
    await submitButton(page).click();
    const reference = await expectThanksPage(page);
    const thanksHtml = await (await thanks).text();
    expect(thanksHtml).toContain(reference);
    await expectNothingHidden("/aanvragen/bedankt", thanksHtml);

    // The status link, opened by anyone who has it: no contact data at all.
    const mail = await waitForNewMail(values.email, new RegExp(`^Wij hebben uw aanvraag ${reference} ontvangen$`), 0);
    const link = linkIn(mail, statusLink);
    const anonymous = await browser.newContext();
    const status = await raw(await anonymous.newPage(), link);
    expect(status.response.status()).toBe(200);
    expect(status.html).toContain(reference);
    expect(status.html).not.toContain(values.name);
    await expectNothingHidden("/status/:token", status.html);
    await anonymous.close();

    // Sign in: the code page and the resident's own pages show their own address only.
    const { code } = await requestSignIn(page, values.email);
    await expectNothingHidden("/inloggen/code", (await raw(page, "/inloggen/code")).html, [values.email]);
    await page.getByLabel("Code van 6 cijfers").fill(code);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByText(`Ingelogd als ${values.email}`)).toBeVisible();
    for (const path of ["/", "/mijn-aanvragen", `/mijn-aanvragen/${reference}`, "/aanvragen/nieuw"]) {
      const { response, html } = await raw(page, path);
      expect(response.status(), path).toBe(200);
      await expectNothingHidden(`${path} (signed in)`, html, [values.email]);
    }
    await context.close();
  });

  test("a supporter's application for a resident with only a phone: the status page shows neither", async ({ page, browser }) => {
    const supporter = "buurtwerker@example.org";
    await signIn(page, supporter);
    await page.goto("/aanvragen/nieuw");
    const values = validValues({ title: `Telefoon ${Date.now()}`, area: "Hulsdonk" });
    await page.getByLabel("Naam van de bewoner").fill("Jan Telefoon");
    await fillForm(page, { ...values, name: undefined, email: undefined });
    await page.getByLabel("Telefoonnummer van de bewoner").fill("06 9876 5432");
    await submitButton(page).click();
    const reference = await expectThanksPage(page);
    const mail = await waitForNewMail(supporter, new RegExp(`^Wij hebben uw aanvraag ${reference} ontvangen$`), 0);

    // The supporter's own page of it shows the resident's phone (that is what it is for), no ids.
    const mine = await raw(page, `/mijn-aanvragen/${reference}`);
    expect(mine.html).toContain("0698765432");
    await expectNothingHidden("/mijn-aanvragen/:reference (supporter)", mine.html, [supporter, "0698765432"]);

    const anonymous = await browser.newContext();
    const status = await raw(await anonymous.newPage(), linkIn(mail, statusLink));
    expect(status.response.status()).toBe(200);
    expect(status.html).not.toContain("Jan Telefoon");
    expect(status.html).not.toContain("0698765432");
    await expectNothingHidden("/status/:token (on behalf)", status.html);
    await anonymous.close();
  });
});

test.describe("the status link as a capability link", () => {
  async function newApplicationLink(browser: import("./fixtures").Browser) {
    const { values, reference } = await submitAnonymously(browser, { title: `Statuslink ${Date.now()}` });
    const mail = await waitForNewMail(values.email, new RegExp(`^Wij hebben uw aanvraag ${reference} ontvangen$`), 0);
    return { reference, title: values.title, link: linkIn(mail, statusLink) };
  }

  test("is not passed on, not indexed and not cached; other pages keep their policy", async ({ page, browser }) => {
    const { link } = await newApplicationLink(browser);
    const { response, html } = await raw(page, link);
    expect(response.status()).toBe(200);
    expect(response.headers()["referrer-policy"]).toBe("no-referrer");
    expect(response.headers()["x-robots-tag"]).toBe("noindex");
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(html).toMatch(/<meta name="robots" content="noindex"\/?>/);
    const unknown = await raw(page, "/status/onbekend-0123456789abcdefghij");
    expect(unknown.response.status()).toBe(404);
    expect(unknown.response.headers()["referrer-policy"]).toBe("no-referrer");
    expect(unknown.html).toContain("Wij vinden deze aanvraag niet");
    expect(unknown.html).toMatch(/<meta name="robots" content="noindex"\/?>/);
    expect((await raw(page, "/")).response.headers()["referrer-policy"]).toBe("same-origin");
  });

  test("works until 12 months after closing, then answers 410 with a calm Dutch page", async ({ page, browser }) => {
    const { reference, title, link } = await newApplicationLink(browser);
    const monthsAgo = (m: number) => {
      const d = new Date();
      d.setUTCMonth(d.getUTCMonth() - m);
      return d.toISOString();
    };
    await writeDb("UPDATE applications SET status = 'closed', closed_at = ? WHERE reference = ?", monthsAgo(11), reference);
    expect((await raw(page, link)).response.status()).toBe(200);

    await writeDb("UPDATE applications SET closed_at = ? WHERE reference = ?", monthsAgo(13), reference);
    const { response, html } = await raw(page, link);
    expect(response.status()).toBe(410);
    expect(response.headers()["referrer-policy"]).toBe("no-referrer");
    expect(html).toMatch(/<meta name="robots" content="noindex"\/?>/);
    expect(html).not.toContain(reference);
    expect(html).not.toContain(title);
    await expectNothingHidden("/status/:token (expired)", html);

    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: "Deze link werkt niet meer" })).toBeVisible();
    await expect(page.getByText("Deze aanvraag is al een tijd afgerond.")).toBeVisible();
    await expect(page).toHaveTitle("Deze link werkt niet meer – Inwonersfonds Roosendaal");
    await page.getByRole("link", { name: "Inloggen", exact: true }).last().click();
    await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmijn-aanvragen$/);
  });
});

test("the bureau's list: a huge or broken page number gives a normal page, never a 5xx", async ({ page }) => {
  await signIn(page, "beoordelaar@example.org");
  for (const query of ["?pagina=99999999999999999999", "?pagina=-1", "?pagina=abc", "?pagina=1e400", "?pagina=", "?pagina=%00"]) {
    const response = await page.request.get(`/beheer/aanvragen${query}`);
    expect(response.status(), query).toBe(200);
    expect(await response.text(), query).toContain("Aanvragen");
  }
  expect((await page.request.get("/aanvragen/nieuw?concept=")).status()).toBe(200);
  expect((await page.request.get(`/aanvragen/nieuw?concept=${"x".repeat(3000)}`)).status()).toBe(200);
});
