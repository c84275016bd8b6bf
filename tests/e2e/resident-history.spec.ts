// The resident's history in the raw HTML of their page and of the status link (including Remix's
// serialised loader data): the steps that concern them, and nothing of the bureau's own work,
// not the reviewers, their notes and motivations, a declared conflict or its kind.
import { expect, signInAs, test, type Browser } from "./fixtures";
import { submitAnonymously, uniqueEmail } from "./helpers";
import { linkIn, waitForMail } from "../support/mailbox";

const NOTE = "Bureaunotitie-alleen-intern";
const MOTIVATION = "Motivatie-alleen-intern";
const CONFLICT_NOTE = "Conflictnotitie-alleen-intern";

/** A bureau member posts one of the detail page's forms, as the page does without JavaScript. */
async function bureauPost(browser: Browser, email: string, reference: string, form: Record<string, string>) {
  const context = await browser.newContext();
  await signInAs(context, email);
  const response = await context.request.post(`/beheer/aanvragen/${reference}`, { form, maxRedirects: 0 });
  expect(response.status(), `${form.intent} by ${email}`).toBe(303);
  await context.close();
}

test("de geschiedenis van de bewoner toont de stappen, en niets van het werk van het bureau", async ({ browser }) => {
  const { values, reference } = await submitAnonymously(browser, { email: uniqueEmail("geschiedenis"), title: `Buurtbarbecue ${Date.now()}` });
  const email = values.email.toLowerCase();
  const received = await waitForMail(email, new RegExp(`^Wij hebben uw aanvraag ${reference} ontvangen$`));
  const statusPath = new URL(linkIn(received, /https?:\/\/[^\s"]+\/status\/[A-Za-z0-9_-]+/)).pathname;

  await bureauPost(browser, "tweede.beoordelaar@example.org", reference, { intent: "conflict", kind: "family", note: CONFLICT_NOTE });
  await bureauPost(browser, "beoordelaar@example.org", reference, { intent: "take" });
  await bureauPost(browser, "beoordelaar@example.org", reference, {
    intent: "review",
    "factors[0].factorId": "ontmoeting",
    "factors[0].judgement": "strong",
    "factors[0].motivation": MOTIVATION,
    note: NOTE,
  });
  await bureauPost(browser, "beoordelaar@example.org", reference, { intent: "approve", amount: "200" });

  const resident = await browser.newContext();
  await signInAs(resident, email);
  const anonymous = await browser.newContext();
  const pages = [await (await resident.request.get(`/mijn-aanvragen/${reference}`)).text(), await (await anonymous.request.get(statusPath)).text()];
  await Promise.all([resident.close(), anonymous.close()]);
  for (const html of pages) {
    expect(html).toContain("Wij hebben uw aanvraag ontvangen.");
    expect(html).toContain("Uw aanvraag is in behandeling.");
    expect(html).toContain("Uw aanvraag is goedgekeurd, voor € 200,00.");
    for (const secret of [NOTE, MOTIVATION, CONFLICT_NOTE, "beoordelaar@example.org", "Mirjam", "Daan", '"family"', "conflict", "personal_data", "assigned"]) {
      expect(html, secret).not.toContain(secret);
    }
  }
});
