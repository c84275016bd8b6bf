// Every protected page, for every role, answers as the permission table (app/domain/permissions.ts)
// says: the table is the one place that decides, and the routes must follow it.
import { test, expect, type Page } from "@playwright/test";
import { can, type Action, type Role } from "../../app/domain/permissions";
import { signIn } from "./helpers";

const USERS: { email: string; roles: Role[] }[] = [
  { email: "bewoner@example.org", roles: ["resident"] },
  { email: "buurtwerker@example.org", roles: ["supporter"] },
  { email: "beoordelaar@example.org", roles: ["reviewer"] },
  { email: "fondsbeheer@example.org", roles: ["fund_admin", "reviewer"] },
  { email: "partner@example.org", roles: ["partner"] },
];

// Pages and the action that guards each; list pages need no resource (they show only what is yours).
const PAGES: { path: string; action: Action }[] = [
  { path: "/mijn-aanvragen", action: "application.view_own" },
  { path: "/beheer/aanvragen", action: "application.view_any" },
  { path: "/beheer/aanvragen/IF-1999-0000", action: "application.view_any" },
  { path: "/beheer/mail", action: "outbox.manage" },
];

async function statusOf(page: Page, path: string): Promise<number> {
  const response = await page.request.get(path, { maxRedirects: 0 });
  return response.status();
}

test("signed out, every protected page sends you to sign in", async ({ page }) => {
  for (const { path } of PAGES) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(302);
    expect(response.headers()["location"], path).toMatch(/^\/inloggen\?terug=/);
  }
});

for (const user of USERS) {
  test(`${user.roles.join("+")} sees exactly what the permission table allows`, async ({ page }) => {
    await signIn(page, user.email);
    const actor = { userId: "someone", roles: user.roles };
    for (const { path, action } of PAGES) {
      const allowed = can(actor, action).allowed;
      const status = await statusOf(page, path);
      // An allowed detail page of an application that does not exist is a 404, never a 403.
      const expected = allowed ? (path.includes("IF-1999") ? 404 : 200) : 403;
      expect(status, `${user.email} ${path}`).toBe(expected);
    }
  });
}
