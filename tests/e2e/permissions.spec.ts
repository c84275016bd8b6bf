// Every page of app/routes, for every role, for one's own and for someone else's application,
// answers with the status written by hand below. The expectations are deliberately NOT computed
// with app/domain/permissions (the routes use that table, so a wrong entry would pass both):
// a change in who may see what must change this matrix too, on purpose.
import type { Browser, Page } from "./fixtures";
import { expect, signInAs, test } from "./fixtures";
import { one } from "./db";
import { linkIn, waitForMail } from "../support/mailbox";
import { expectThanksPage, fillForm, submitButton, validValues } from "./helpers";

const ROLES = ["anonymous", "resident", "supporter", "reviewer", "fund_admin+reviewer", "partner"] as const;
type Role = (typeof ROLES)[number];

const EMAIL: Record<Exclude<Role, "anonymous">, string> = {
  resident: "bewoner@example.org",
  supporter: "buurtwerker@example.org",
  reviewer: "beoordelaar@example.org",
  "fund_admin+reviewer": "fondsbeheer@example.org",
  partner: "partner@example.org",
};

// A cell: the status, or where a redirect goes. LOGIN = 302 to /inloggen?terug=<this page>.
// "-" = no such case (an anonymous visitor owns no application).
const LOGIN = "login";
type Cell = 200 | 403 | 404 | typeof LOGIN | `301 ${string}` | `302 ${string}` | "-";

// {own}: an application of the signed-in role (the resident's from the seed, the supporter's
// filled in on someone's behalf, the others' sent with their own address). {other}: a demo
// resident's application nobody below owns. {token}: a real status link's token.
//
// prettier-ignore
const MATRIX: [path: string, cells: [anonymous: Cell, resident: Cell, supporter: Cell, reviewer: Cell, fundAdminReviewer: Cell, partner: Cell]][] = [
  //                                 anonymous  resident  supporter  reviewer  fund_admin+reviewer  partner
  ["/",                              [200,      200,      200,       200,      200,                 200]],
  ["/health",                        [200,      200,      200,       200,      200,                 200]],
  ["/favicon.ico",                   ["301 /favicon.svg", "301 /favicon.svg", "301 /favicon.svg", "301 /favicon.svg", "301 /favicon.svg", "301 /favicon.svg"]],
  ["/aanvragen/nieuw",               [200,      200,      200,       200,      200,                 200]],
  // Only right after sending or saving; opened directly, they send you to the form.
  ["/aanvragen/bedankt",             ["302 /aanvragen/nieuw", "302 /aanvragen/nieuw", "302 /aanvragen/nieuw", "302 /aanvragen/nieuw", "302 /aanvragen/nieuw", "302 /aanvragen/nieuw"]],
  ["/aanvragen/opgeslagen",          ["302 /aanvragen/nieuw", "302 /aanvragen/nieuw", "302 /aanvragen/nieuw", "302 /aanvragen/nieuw", "302 /aanvragen/nieuw", "302 /aanvragen/nieuw"]],
  ["/inloggen",                      [200,      200,      200,       200,      200,                 200]],
  // Without a code requested in this session there is nothing to type in.
  ["/inloggen/code",                 ["302 /inloggen", "302 /inloggen", "302 /inloggen", "302 /inloggen", "302 /inloggen", "302 /inloggen"]],
  // Opening the link only shows a button (mail scanners must not use it up); pressing it checks the token.
  ["/inloggen/link/geen-echte-token", [200,     200,      200,       200,      200,                 200]],
  ["/mijn-aanvragen",                [LOGIN,    200,      200,       403,      403,                 403]],
  ["/mijn-aanvragen/{own}",          ["-",      200,      200,       404,      404,                 404]],
  ["/mijn-aanvragen/{other}",        [LOGIN,    404,      404,       404,      404,                 404]],
  ["/mijn-aanvragen/IF-1999-9999",   [LOGIN,    404,      404,       404,      404,                 404]],
  // The bureau's layout opens its first page; it guards nothing itself, each page below does.
  ["/beheer",                        [LOGIN,    403,      403,       "302 /beheer/aanvragen", "302 /beheer/aanvragen", 403]],
  ["/beheer/aanvragen",              [LOGIN,    403,      403,       200,      200,                 403]],
  // Mail that could not be delivered: the fund administrator's alone.
  ["/beheer/mail",                   [LOGIN,    403,      403,       403,      200,                 403]],
  ["/beheer/aanvragen/{own}",        ["-",      403,      403,       200,      200,                 403]],
  ["/beheer/aanvragen/{other}",      [LOGIN,    403,      403,       200,      200,                 403]],
  ["/beheer/aanvragen/IF-1999-9999", [LOGIN,    403,      403,       404,      404,                 403]],
  // A capability link: the right token opens the status page for anyone, a wrong one is 404.
  ["/status/{token}",                [200,      200,      200,       200,      200,                 200]],
  ["/status/geen-echte-token",       [404,      404,      404,       404,      404,                 404]],
  ["/bestaat-niet",                  [404,      404,      404,       404,      404,                 404]],
  // GET only sends you home; signing out is a POST.
  // Signed in: the choice between this device and all devices; signed out there is nothing to end.
  ["/uitloggen",                     ["302 /",  200,      200,       200,      200,                 200]],
  ["/taal/xx",                       [404,      404,      404,       404,      404,                 404]],
  // Last: it sets the language cookie.
  ["/taal/en?terug=/inloggen",       ["302 /inloggen", "302 /inloggen", "302 /inloggen", "302 /inloggen", "302 /inloggen", "302 /inloggen"]],
];

type Application = { reference: string; title: string };
type Objects = { own: Partial<Record<Role, Application>>; other: Application; token: string };

async function seededApplicationOf(email: string): Promise<Application> {
  const row = await one<Application>("SELECT reference, title FROM applications WHERE applicant_email = ? ORDER BY submitted_at LIMIT 1", [email]);
  if (!row) throw new Error(`The seed has no application of ${email} (see db/seed.ts)`);
  return row;
}

/** Sends the form with JavaScript off, signed in as `signedInAs` (on someone's behalf) or anonymously. */
async function submit(browser: Browser, opts: { email?: string; signedInAs?: string }): Promise<Application & { statusPath: string | null }> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  if (opts.signedInAs) await signInAs(context, opts.signedInAs);
  await page.goto("/aanvragen/nieuw");
  const values = validValues({ title: `Matrix ${opts.signedInAs ?? opts.email} ${Date.now()}`, ...(opts.email ? { email: opts.email } : {}) });
  if (opts.signedInAs) {
    // A supporter fills in the resident's name and phone number; the supporter owns the application.
    await page.getByLabel("Naam van de bewoner").fill("Bewoner zonder e-mail");
    await fillForm(page, { ...values, name: undefined, email: undefined });
    await page.getByLabel("Telefoonnummer van de bewoner").fill("06 1234 5678");
  } else {
    await fillForm(page, values);
  }
  await submitButton(page).click();
  const reference = await expectThanksPage(page);
  await context.close();
  let statusPath: string | null = null;
  if (!opts.signedInAs) {
    const mail = await waitForMail(values.email, new RegExp(`^Wij hebben uw aanvraag ${reference} ontvangen$`));
    statusPath = new URL(linkIn(mail, /https?:\/\/\S+\/status\/[A-Za-z0-9_-]+/)).pathname;
  }
  return { reference, title: values.title, statusPath };
}

let objects: Objects;

test.beforeAll(async ({ browser }) => {
  const resident = await seededApplicationOf(EMAIL.resident);
  const other = await seededApplicationOf("henk.demo@example.org");
  const supporter = await submit(browser, { signedInAs: EMAIL.supporter });
  const reviewer = await submit(browser, { email: EMAIL.reviewer });
  const fundAdmin = await submit(browser, { email: EMAIL["fund_admin+reviewer"] });
  const partner = await submit(browser, { email: EMAIL.partner });
  const anyone = await submit(browser, {});
  objects = {
    own: { resident, supporter, reviewer, "fund_admin+reviewer": fundAdmin, partner },
    other,
    token: anyone.statusPath!.split("/").pop()!,
  };
});

/** The object a path template names for this role, or null when the case does not exist. */
function resolve(template: string, role: Role): { path: string; object: Application | null } | null {
  if (template.includes("{own}")) {
    const own = objects.own[role];
    return own ? { path: template.replace("{own}", own.reference), object: own } : null;
  }
  if (template.includes("{other}")) return { path: template.replace("{other}", objects.other.reference), object: objects.other };
  return { path: template.replace("{token}", objects.token), object: null };
}

function describeCell(cell: Exclude<Cell, "-">, path: string): string {
  if (cell === LOGIN) return `302 /inloggen?terug=${encodeURIComponent(path)}`;
  return String(cell);
}

async function actual(page: Page, path: string): Promise<{ seen: string; body: string }> {
  const response = await page.request.get(path, { maxRedirects: 0 });
  const location = response.headers()["location"];
  return { seen: location ? `${response.status()} ${location}` : String(response.status()), body: await response.text() };
}

for (const [column, role] of ROLES.entries()) {
  test(`${role}: every page answers as the hand-written matrix says`, async ({ page }) => {
    // Signing in is not what this test is about: a minted session (sign-in.spec.ts tests the real path).
    if (role !== "anonymous") await signInAs(page, EMAIL[role]);
    const expected: string[] = [];
    const seen: string[] = [];
    for (const [template, cells] of MATRIX) {
      const cell = cells[column]!;
      const target = resolve(template, role);
      if (cell === "-" || !target) {
        expect(cell === "-" && !target, `${template}: a "-" cell exactly where ${role} has no such object`).toBe(true);
        continue;
      }
      const result = await actual(page, target.path);
      // Refused or not found: nothing of the application is in the answer, not even in the loader data.
      const leak = target.object && cell !== 200 && result.body.includes(target.object.title) ? " (and shows the title)" : "";
      expected.push(`${template} → ${describeCell(cell, target.path)}`);
      seen.push(`${template} → ${result.seen}${leak}`);
    }
    expect(seen, `${role}: answers per page (- the matrix, + the server)`).toEqual(expected);
  });
}
