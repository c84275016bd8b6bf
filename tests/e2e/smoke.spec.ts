// The shortest path a resident takes: home page, one click to the form, send, see the reference.
import { test, expect } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";

test("home page says what the fund is for and leads to the form in one click", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Heeft u een idee voor uw buurt?" })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(axe.violations).toEqual([]);
  await page.getByRole("link", { name: "Vraag geld aan voor uw idee" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vraag geld aan voor uw idee" })).toBeVisible();
});

test("a resident sends an idea and gets a reference number", async ({ page }) => {
  await page.goto("/aanvragen/nieuw");
  await page.getByLabel("Uw naam").fill("Rook Test");
  await page.getByLabel("Uw e-mailadres").fill(`rook-${Date.now()}@example.org`);
  await page.getByLabel("In welke wijk of buurt is uw idee?").selectOption({ label: "Westrand" });
  await page.getByLabel("Naam van uw idee").fill("Buurtbarbecue");
  await page.getByLabel("Wat wilt u doen, en voor wie?").fill("Een barbecue voor de hele straat, met spelletjes voor de kinderen.");
  await page.getByLabel("Wanneer wilt u het doen?").fill(new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10));
  await page.getByLabel("Hoeveel mensen doen er ongeveer mee?").fill("50");
  await page.getByRole("checkbox", { name: /Organiseren van ontmoeting/ }).check();
  await page.getByLabel("Hoeveel geld vraagt u aan?").fill("450,00");
  await page.getByRole("radio", { name: "Ja, dat mag" }).check();
  await page.getByRole("button", { name: "Verstuur mijn aanvraag" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bedankt! Wij hebben uw aanvraag ontvangen" })).toBeVisible();
  await expect(page.getByTestId("reference")).toHaveText(/^IF-\d{4}-\d{4}$/);
});

test("pages carry a Content Security Policy, and the app runs within it", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) refused.push(m.text());
  });
  const response = await page.goto("/aanvragen/nieuw");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  // An empty submit is checked in the browser by the hydrated app: scripts ran under the policy.
  await page.waitForFunction(() => "__remixContext" in window && document.querySelector("form[id=application]") !== null);
  await page.getByRole("button", { name: "Verstuur mijn aanvraag" }).click();
  await expect(page.getByRole("alert")).toContainText("dingen nog niet goed");
  expect(refused).toEqual([]);
});
