// What an attacker sees: hostile redirect targets, forged Host headers, posts from other sites.
// Each answer is checked on the raw response (status, Location, headers, body), not the screen.
import { expect, test } from "./fixtures";
import { requestSignIn, uniqueEmail } from "./helpers";

const HOSTILE_TARGETS = [
  "/%09/evil.example/",
  "/%0A/evil.example/",
  "/%0D%0A/evil.example/",
  "/%5C/evil.example/",
  "/%5Cevil.example/",
  "///evil.example/",
  "//evil.example/",
  "/\\/evil.example/",
  "/\\\\evil.example/",
  "https:/evil.example",
  "https://evil.example",
  "javascript:alert(1)",
];

test.describe("the language link never sends you to another site", () => {
  for (const target of HOSTILE_TARGETS) {
    test(`terug=${target}`, async ({ request }) => {
      // Sent as the raw query, as a link in a phishing mail would be.
      const response = await request.get(`/taal/en?terug=${target.replace(/\\/g, "%5C")}`, { maxRedirects: 0 });
      expect(response.status()).toBe(302);
      expect(response.headers()["location"]).toBe("/");
    });
  }

  test("a plain path on our site is kept", async ({ request }) => {
    const response = await request.get("/taal/en?terug=%2Faanvragen%2Fnieuw", { maxRedirects: 0 });
    expect(response.headers()["location"]).toBe("/aanvragen/nieuw");
  });

  for (const javaScriptEnabled of [false, true]) {
    test(`in a browser the hostile link stays on our site (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto("/taal/en?terug=/%09/evil.example/");
      expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
      await expect(page.getByRole("link", { name: "Nederlands" })).toBeVisible();
      await context.close();
    });
  }
});

test.describe("after signing in you never land on another site", () => {
  for (const javaScriptEnabled of [false, true]) {
    for (const target of ["/%09/evil.example/", "/%5C/evil.example/", "///evil.example/"]) {
      test(`terug=${target} (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
        const context = await browser.newContext({ javaScriptEnabled });
        const page = await context.newPage();
        await page.goto(`/inloggen?terug=${target}`);
        const { code } = await requestSignIn(page, uniqueEmail());
        await page.getByLabel("Code van 6 cijfers").fill(code);
        await page.getByRole("button", { name: "Inloggen" }).click();
        await expect(page).toHaveURL(/\/mijn-aanvragen$/);
        expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
        await context.close();
      });
    }
  }
});

test.describe("forged hosts and posts from other sites are refused calmly", () => {
  test("a post naming another Host gets 400 and a Dutch page, no stack trace", async ({ request, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    for (const headers of [
      { "X-Forwarded-Host": "evil.example", Origin: origin },
      { "X-Forwarded-Host": "evil.example", Origin: "http://evil.example" },
    ]) {
      const response = await request.post("/inloggen", { headers, form: { email: "bewoner@example.org" }, maxRedirects: 0 });
      expect(response.status(), JSON.stringify(headers)).toBe(400);
      const body = await response.text();
      expect(body).toContain("Dit verzoek kunnen we niet uitvoeren");
      expect(body).not.toMatch(/at .*\.js:\d+|Error:/);
    }
  });

  test("a form posted from another site gets 403 (also the sign-in link: no login CSRF)", async ({ request, page }) => {
    const email = uniqueEmail();
    const { link } = await requestSignIn(page, email);
    const token = link.split("/").pop()!;
    for (const [path, form] of [
      [new URL(link).pathname, { token }],
      ["/inloggen", { email }],
      ["/aanvragen/nieuw", { name: "x" }],
      ["/uitloggen", { intent: "everywhere" }],
    ] as const) {
      const fromEvil = await request.post(path, { headers: { Origin: "https://evil.example" }, form, maxRedirects: 0 });
      expect(fromEvil.status(), path).toBe(403);
      expect(await fromEvil.text()).toContain("Het formulier kwam niet van de website van het Inwonersfonds");
      const crossSite = await request.post(path, { headers: { "Sec-Fetch-Site": "cross-site" }, form, maxRedirects: 0 });
      expect(crossSite.status(), path).toBe(403);
    }
    // The refused token was not used up: the real link still signs in.
    await page.goto(link);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByText(`Ingelogd als ${email}`)).toBeVisible();
  });
});

test("every response carries the security headers, not only pages", async ({ request }) => {
  for (const path of ["/", "/favicon.svg", "/health", "/bestaat-niet", "/taal/en?terug=/", "/beheer/aanvragen"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("same-origin");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    // The test server runs on http: no HSTS there (startup.spec.ts checks https).
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
});
