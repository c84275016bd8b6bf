// The form pattern's promises a person can see: a send button that says it is busy, and a form
// that names an intent the page does not know is refused calmly (400) with nothing done.
import { expect, test } from "./fixtures";
import { signIn, uniqueEmail, waitForHydration } from "./helpers";

test("de knop laat zien dat het formulier wordt verstuurd", async ({ page }) => {
  await page.goto("/inloggen");
  await waitForHydration(page, "form#sign-in");
  // Hold the post a moment, as a slow phone connection would.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  // With single fetch, the enhanced post goes to /inloggen.data?index; a held post proves the busy
  // text comes from the submission itself, not from the next page's loading.
  let heldPosts = 0;
  await page.route(
    (url) => url.pathname === "/inloggen.data",
    async (route) => {
      if (route.request().method() === "POST") {
        heldPosts += 1;
        await held;
      }
      await route.continue();
    },
  );
  await page.getByLabel("E-mailadres").fill(uniqueEmail());
  await page.getByRole("button", { name: "Stuur mij een code" }).click();
  await expect(page.getByText("Bezig met versturen…")).toBeVisible();
  await expect(page.getByRole("button", { name: "Stuur mij een code" })).toHaveAttribute("aria-disabled", "true");
  expect(heldPosts).toBe(1);
  release();
  await expect(page).toHaveURL(/\/inloggen\/code$/);
  await expect(page.getByText("Bezig met versturen…")).toHaveCount(0);
});

test("een onbekende opdracht in een formulier geeft 400 en doet niets", async ({ page }) => {
  const email = uniqueEmail();
  await signIn(page, email);
  const origin = new URL(page.url()).origin;
  const response = await page.request.post("/uitloggen", { form: { intent: "overal-en-nergens" }, headers: { Origin: origin }, maxRedirects: 0 });
  expect(response.status()).toBe(400);
  const html = await response.text();
  expect(html).toContain("Dit formulier kunnen we niet verwerken");
  // Still signed in: the unknown intent did not fall through to signing out.
  await page.goto("/mijn-aanvragen");
  await expect(page.getByText(`Ingelogd als ${email}`)).toBeVisible();
  // The application form likewise: no application, a calm page.
  const form = await page.request.post("/aanvragen/nieuw", { form: { intent: "verwijder", name: "x" }, headers: { Origin: origin }, maxRedirects: 0 });
  expect(form.status()).toBe(400);
  expect(await form.text()).toContain("Dit formulier kunnen we niet verwerken");
});
