// Shared steps for the browser tests: filling the application form as a resident would,
// signing in through the real mail path, and reading the database to prove nothing was written.
import { one, type Param } from "./db";
import { expect, type Browser, type Page } from "./fixtures";
import { allMails, waitForMail, linkIn, type CapturedMail } from "../support/mailbox";

let counter = 0;
/** A fresh address for each test, so mails and accounts never mix between tests or runs. */
export function uniqueEmail(prefix = "bewoner"): string {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}@example.org`;
}

/** A date a few weeks ahead, as the date input gives it (yyyy-mm-dd). */
export function futureDate(days = 40): string {
  const d = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return d.toISOString().slice(0, 10);
}

/** Rows in a table of the server's database; `where` is SQL with `?` for each of `params`. */
export async function countRows(
  table: "applications" | "drafts" | "login_codes" | "outbox" = "applications",
  where = "",
  params: readonly Param[] = [],
): Promise<number> {
  const row = await one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} ${where}`, params);
  return row!.n;
}

export function applicationByReference(reference: string): Promise<Record<string, unknown> | undefined> {
  return one("SELECT * FROM applications WHERE reference = ?", [reference]);
}

/** With JavaScript on, waits until React has committed the hydrated page (so conform's checks and Remix's submit are live). */
export async function waitForHydration(page: Page, selector = "form#application"): Promise<void> {
  await page.locator(selector).waitFor();
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export type FormValues = {
  name: string;
  email: string;
  area: string;
  title: string;
  description: string;
  date: string;
  participants: string;
  factors: string[];
  amount: string;
  consent: "Ja, dat mag" | "Nee, liever niet";
  costs?: { description: string; amount: string }[];
};

export function validValues(overrides: Partial<FormValues> = {}): FormValues {
  return {
    name: "Fenna de Wit",
    email: uniqueEmail(),
    area: "Kroeven",
    title: `Buurtontbijt ${Date.now()}`,
    description: "Een ontbijt op het plein voor alle buren, jong en oud, met muziek.",
    date: futureDate(),
    participants: "40",
    factors: ["Organiseren van ontmoeting"],
    amount: "250",
    consent: "Ja, dat mag",
    ...overrides,
  };
}

/** Fills the application form through its labels, top to bottom, as a resident would. */
export async function fillForm(page: Page, v: Partial<FormValues>): Promise<void> {
  if (v.name !== undefined) await page.getByLabel("Uw naam").fill(v.name);
  if (v.email !== undefined) await page.getByLabel("Uw e-mailadres").fill(v.email);
  if (v.area !== undefined) await page.getByLabel("In welke wijk of buurt is uw idee?").selectOption({ label: v.area });
  if (v.title !== undefined) await page.getByLabel("Naam van uw idee").fill(v.title);
  if (v.description !== undefined) await page.getByLabel("Wat wilt u doen, en voor wie?").fill(v.description);
  if (v.date !== undefined) await page.getByLabel("Wanneer wilt u het doen?").fill(v.date);
  if (v.participants !== undefined) await page.getByLabel("Hoeveel mensen doen er ongeveer mee?").fill(v.participants);
  for (const factor of v.factors ?? []) await page.getByRole("checkbox", { name: factor }).check();
  if (v.amount !== undefined) await page.getByLabel("Hoeveel geld vraagt u aan?").fill(v.amount);
  for (const [i, line] of (v.costs ?? []).entries()) {
    await page.getByLabel(`Kosten ${i + 1}: waarvoor`).fill(line.description);
    await page.getByLabel(`Kosten ${i + 1}: bedrag`).fill(line.amount);
  }
  if (v.consent !== undefined) await page.getByRole("radio", { name: v.consent }).check();
}

export const submitButton = (page: Page) => page.getByRole("button", { name: "Verstuur mijn aanvraag" });

/** The error summary at the top of the form. */
export const errorSummary = (page: Page) => page.getByRole("alert").filter({ has: page.getByRole("heading", { name: /nog niet goed/ }) });

export const REFERENCE = /^IF-\d{4}-\d{4}$/;

export async function expectThanksPage(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/aanvragen\/bedankt$/);
  await expect(page.getByRole("heading", { level: 1, name: "Bedankt! Wij hebben uw aanvraag ontvangen" })).toBeVisible();
  const reference = (await page.getByTestId("reference").textContent())?.trim() ?? "";
  expect(reference).toMatch(REFERENCE);
  return reference;
}

/** Sign-in mail: "Uw code om in te loggen: 123456" with a link /inloggen/link/<token>. */
export async function requestSignIn(page: Page, email: string): Promise<{ code: string; link: string; mail: CapturedMail }> {
  const subject = /^Uw code om in te loggen: \d{6}$/;
  const known = mailsTo(email, subject).length;
  // Already sent to the sign-in page (say from /beheer/aanvragen): keep its "terug" address.
  if (new URL(page.url(), "http://x").pathname !== "/inloggen") await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een code" }).click();
  await expect(page).toHaveURL(/\/inloggen\/code$/);
  await expect(page.getByLabel("Code van 6 cijfers")).toBeVisible();
  const mail = await waitForNewMail(email, subject, known);
  const code = /(\d{6})$/.exec(mail.subject)![1]!;
  const link = linkIn(mail, /https?:\/\/[^\s"]+\/inloggen\/link\/[A-Za-z0-9_-]+/);
  return { code, link, mail };
}

/** Signs in by code through the real mail path; ends on the page the app sends the user to. */
export async function signIn(page: Page, email: string): Promise<void> {
  const { code } = await requestSignIn(page, email);
  await page.getByLabel("Code van 6 cijfers").fill(code);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByText(`Ingelogd als ${email.toLowerCase()}`)).toBeVisible();
}

/** Mails to this address matching the subject, oldest first. */
export function mailsTo(to: string, subject: RegExp): CapturedMail[] {
  return allMails().filter((m) => m.to.includes(to.toLowerCase()) && subject.test(m.subject));
}

/** Waits for a mail that arrives after `known` matching mails were already there (an address may get several). */
export async function waitForNewMail(to: string, subject: RegExp, known: number, timeoutMs = 15000): Promise<CapturedMail> {
  await waitForMail(to, subject, timeoutMs);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = mailsTo(to, subject);
    if (found.length > known) return found[found.length - 1]!;
    if (Date.now() > deadline) throw new Error(`No new mail to ${to} matching ${subject} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A resident applies through the form without JavaScript and without an account; the thank-you page gives the reference. */
export async function submitAnonymously(browser: Browser, overrides: Parameters<typeof validValues>[0] = {}) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const values = validValues(overrides);
  await page.goto("/aanvragen/nieuw");
  await fillForm(page, values);
  await submitButton(page).click();
  const reference = await expectThanksPage(page);
  await context.close();
  return { values, reference };
}
