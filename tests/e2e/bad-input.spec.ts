// Wrong, hostile and oversized input: each gets a clear Dutch message and nothing is written.
import { expect, test, type Page } from "./fixtures";
import { countRows, errorSummary, expectThanksPage, fillForm, submitButton, validValues, waitForHydration } from "./helpers";

/** Changes the form body the browser sends, as someone editing the request would. */
async function tamperWithNextPost(page: Page, change: (body: URLSearchParams) => void) {
  await page.route(
    "**/aanvragen/nieuw",
    async (route) => {
      expect(route.request().method()).toBe("POST");
      const body = new URLSearchParams(route.request().postData() ?? "");
      change(body);
      await route.continue({ postData: body.toString() });
    },
    { times: 1 },
  );
}

async function expectOneError(page: Page, label: string, message: string | RegExp) {
  const summary = errorSummary(page);
  await expect(summary.getByRole("heading", { name: "Er is 1 ding nog niet goed" })).toBeVisible();
  await expect(summary.getByRole("link")).toHaveText(message);
  const field = page.getByLabel(label, { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  // The description is the hint followed by the message.
  const inText = message instanceof RegExp ? new RegExp(message.source.replace(/^\^|\$$/g, "")) : new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  await expect(field).toHaveAccessibleDescription(inText);
}

test.describe("verkeerde invoer, JavaScript uit (de server beslist)", () => {
  test.use({ javaScriptEnabled: false });

  const cases: {
    name: string;
    values: Partial<Record<"amount" | "title" | "date" | "participants" | "description", string>>;
    label: string;
    message: string | RegExp;
  }[] = [
    { name: "een negatief bedrag", values: { amount: "-5" }, label: "Hoeveel geld vraagt u aan?", message: "Het bedrag kan niet negatief zijn." },
    { name: "een bedrag in woorden", values: { amount: "veel" }, label: "Hoeveel geld vraagt u aan?", message: "Dit is geen bedrag. Schrijf het zo: 1.250,50" },
    {
      name: "een bedrag boven het maximum",
      values: { amount: "5.000,01" },
      label: "Hoeveel geld vraagt u aan?",
      message: /^Het bedrag is te hoog\. U kunt hoogstens € ?5\.000(,00)? vragen\.$/,
    },
    { name: "een bedrag van nul", values: { amount: "0" }, label: "Hoeveel geld vraagt u aan?", message: "Het bedrag moet meer dan € 0 zijn." },
    {
      name: "een script in de naam van het idee",
      values: { title: "<script>alert(1)</script>" },
      label: "Naam van uw idee",
      message: "Gebruik geen code zoals <script> of andere tekens tussen < en >.",
    },
    {
      name: "een datum in het verleden",
      values: { date: "2020-01-01" },
      label: "Wanneer wilt u het doen?",
      message: "Deze datum is al voorbij. Kies een datum vanaf vandaag.",
    },
    {
      name: "geen getal bij het aantal mensen",
      values: { participants: "veertig" },
      label: "Hoeveel mensen doen er ongeveer mee?",
      message: "Vul een heel getal in, zoals 25.",
    },
    {
      name: "een te korte beschrijving",
      values: { description: "Feest" },
      label: "Wat wilt u doen, en voor wie?",
      message: "Vertel iets meer: schrijf minstens 10 tekens.",
    },
  ];

  for (const c of cases) {
    test(`${c.name} geeft een duidelijke melding en schrijft niets`, async ({ page }) => {
      await page.goto("/aanvragen/nieuw");
      const values = validValues(c.values);
      await fillForm(page, values);
      const before = await countRows();
      const response = page.waitForResponse((r) => r.request().method() === "POST");
      await submitButton(page).click();
      expect((await response).status()).toBe(400);
      await expectOneError(page, c.label, c.message);
      // What was typed is shown again as text, never run.
      await expect(page.getByLabel(c.label, { exact: true })).toHaveValue(Object.values(c.values)[0] ?? "");
      expect(await countRows()).toBe(before);
    });
  }

  test("kosten die niet optellen tot het gevraagde bedrag", async ({ page }) => {
    await page.goto("/aanvragen/nieuw");
    await fillForm(
      page,
      validValues({
        amount: "250",
        costs: [
          { description: "Koffie", amount: "100" },
          { description: "Taart", amount: "50,50" },
        ],
      }),
    );
    const before = await countRows();
    await submitButton(page).click();
    await expect(errorSummary(page).getByRole("link")).toHaveText(
      /^Uw kosten zijn samen € ?150,50, maar u vraagt € ?250,00 aan\. Maak ze gelijk, of laat de kosten leeg\.$/,
    );
    await expect(page.getByLabel("Kosten 2: bedrag")).toHaveValue("50,50");
    expect(await countRows()).toBe(before);
  });

  test("een onbekende wijk (aangepast verzoek) wordt geweigerd", async ({ page }) => {
    await page.goto("/aanvragen/nieuw");
    await fillForm(page, validValues());
    await tamperWithNextPost(page, (body) => body.set("areaId", "atlantis"));
    const before = await countRows();
    await submitButton(page).click();
    await expectOneError(
      page,
      "In welke wijk of buurt is uw idee?",
      "Deze wijk of buurt kennen wij niet. Het fonds is voor Kalsdonk, Westrand, Kroeven, Langdonk, Hulsdonk, Fatima, Centrum-Oud.",
    );
    expect(await countRows()).toBe(before);
  });

  test("een onbekende beschermende factor (aangepast verzoek) wordt geweigerd", async ({ page }) => {
    await page.goto("/aanvragen/nieuw");
    await fillForm(page, validValues());
    await tamperWithNextPost(page, (body) => body.append("factorIds", "hacken"));
    const before = await countRows();
    await submitButton(page).click();
    await expect(errorSummary(page).getByRole("heading", { name: "Er is 1 ding nog niet goed" })).toBeVisible();
    await expect(errorSummary(page).getByRole("link")).toHaveText("Kies een factor uit de lijst.");
    expect(await countRows()).toBe(before);
  });

  test("een onbekende keuze bij 'laten zien' (aangepast verzoek) wordt geweigerd", async ({ page }) => {
    await page.goto("/aanvragen/nieuw");
    await fillForm(page, validValues());
    await tamperWithNextPost(page, (body) => body.set("publicConsent", "misschien"));
    const before = await countRows();
    await submitButton(page).click();
    await expect(errorSummary(page).getByRole("link")).toHaveText("Kies ja of nee.");
    expect(await countRows()).toBe(before);
  });

  test("een formulier van 10 MB krijgt 413 en schrijft niets", async ({ page }) => {
    await page.goto("/aanvragen/nieuw");
    const submissionKey = await page.locator("input[name=submissionKey]").inputValue();
    const v = validValues();
    const before = await countRows();
    const response = await page.request.post("/aanvragen/nieuw", {
      form: {
        submissionKey,
        name: v.name,
        email: v.email,
        areaId: "kroeven",
        title: v.title,
        description: "x".repeat(10 * 1024 * 1024),
        activityDate: v.date,
        participants: "40",
        factorIds: "ontmoeting",
        amount: "250",
        publicConsent: "yes",
      },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(413);
    const html = await response.text();
    expect(html).toContain("Uw formulier is te groot");
    expect(html).toContain("Maak uw tekst korter en probeer het opnieuw.");
    expect(await countRows()).toBe(before);
    // The server is still fine afterwards, and the same key still works for a normal send.
    await fillForm(page, v);
    await submitButton(page).click();
    await expectThanksPage(page);
    expect(await countRows()).toBe(before + 1);
  });
});

test("met JavaScript aan: een script in de naam wordt niet uitgevoerd en niet verstuurd", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs++;
    await d.dismiss();
  });
  let posts = 0;
  page.on("request", (r) => {
    if (r.method() === "POST") posts++;
  });
  await page.goto("/aanvragen/nieuw");
  await waitForHydration(page);
  const before = await countRows();
  await fillForm(page, validValues({ title: "<script>alert(1)</script>", amount: "-5" }));
  await submitButton(page).click();
  const summary = errorSummary(page);
  await expect(summary.getByRole("heading", { name: "Er zijn 2 dingen nog niet goed" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Gebruik geen code zoals <script> of andere tekens tussen < en >." })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Het bedrag kan niet negatief zijn." })).toBeVisible();
  await expect(page.getByLabel("Naam van uw idee")).toHaveValue("<script>alert(1)</script>");
  // Checked in the browser: nothing was sent, nothing ran, nothing written.
  expect(posts).toBe(0);
  expect(dialogs).toBe(0);
  expect(await countRows()).toBe(before);
});
