// Mail that could not be delivered: the fund administrator sees it on /beheer/mail and sends it
// again, without JavaScript; the mail then arrives in the capture and the outbox forgets its body.
import crypto from "node:crypto";
import { expect, signInAs, test } from "./fixtures";
import { uniqueEmail } from "./helpers";
import { one, query, run } from "./db";
import { waitForMail } from "../support/mailbox";
import { expectNoViolations } from "./axe";

/** A mail that used up every try, written straight into the server's database. */
async function insertDeadLetter(to: string, subject: string): Promise<string> {
  const id = crypto.randomUUID();
  const at = new Date(Date.now() - 60 * 60 * 1000).toISOString();
  await run(
    `INSERT INTO outbox (id, to_address, template, subject, text_body, html_body, status, attempts, next_attempt_at, last_error, created_at, sent_at, expires_at, last_attempt_at)
     VALUES (?, ?, 'application-received', ?, ?, ?, 'failed', 20, ?, ?, ?, NULL, NULL, ?)`,
    [
      id,
      to,
      subject,
      `Bekijk uw aanvraag: http://127.0.0.1/status/e2e-${id}`,
      `<p>status e2e-${id}</p>`,
      at,
      "Can't send mail - all recipients were rejected: 550 5.1.1 <" + to + ">: Recipient address rejected: User unknown in virtual mailbox table",
      at,
      at,
    ],
  );
  return id;
}

const outboxRow = (id: string) => one("SELECT * FROM outbox WHERE id = ?", [id]);

const auditRows = (id: string) => query("SELECT * FROM audit_log WHERE entity_type = 'outbox' AND entity_id = ?", [id]);

test.describe("e-mails die niet aankwamen (/beheer/mail)", () => {
  test("fondsbeheer ziet een dode brief en verstuurt hem opnieuw, zonder JavaScript", async ({ page }, testInfo) => {
    // The app's own scripts are kept from loading (axe still runs): the page works as with JavaScript off.
    await page.route(/\/build\/.*\.js$/, (route) => route.abort());
    const to = uniqueEmail("onbereikbaar");
    const subject = `Wij hebben uw aanvraag IF-E2E-${Date.now()} ontvangen`;
    const id = await insertDeadLetter(to, subject);

    const health = await page.request.get("/health");
    expect(health.status()).toBe(200);
    const before = await health.json();
    expect(before).toMatchObject({ status: "attention", database: "ok" });
    expect(before.mail.deadLetters).toBeGreaterThanOrEqual(1);

    await page.goto("/beheer/mail");
    await expect(page).toHaveURL(/\/inloggen\?terug=%2Fbeheer%2Fmail$/);
    await signInAs(page, "fondsbeheer@example.org");
    await page.goto("/beheer/mail");
    await expect(page.getByRole("heading", { level: 1, name: "E-mails die niet aankwamen" })).toBeVisible();
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: subject }) });
    await expect(card).toBeVisible();
    await expect(card.getByText(`${to.slice(0, 1)}…@example.org`, { exact: true })).toBeVisible();
    await expect(card.getByText("Bevestiging van een aanvraag")).toBeVisible();
    await expect(card.getByText(/550 5\.1\.1/)).toBeVisible();
    await expect(card.getByText("20", { exact: true })).toBeVisible();

    // What the browser gets, loader data included: no full address, no body, no status link.
    const raw = await (await page.request.get("/beheer/mail")).text();
    expect(raw).toContain(subject);
    expect(raw).not.toContain(`e2e-${id}`);
    expect(raw).not.toContain(to.split("@")[0]!);

    await expectNoViolations(page, "/beheer/mail");
    await page.screenshot({ path: testInfo.outputPath("beheer-mail-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, "page is wider than a phone").toBeLessThanOrEqual(clientWidth);
    await page.screenshot({ path: testInfo.outputPath("beheer-mail-390.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });

    const post = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/beheer/mail"));
    await card.getByRole("button", { name: new RegExp(`^Opnieuw versturen .*${subject}`) }).click();
    expect((await post).status()).toBe(303);
    await expect(page.getByRole("status")).toHaveText("De e-mail staat weer klaar. Wij versturen hem zo snel mogelijk.");
    // A one-time notice from the session, not from the address: gone after a reload, not in the URL.
    expect(new URL(page.url()).search).toBe("");
    await expect(page.getByRole("heading", { name: subject })).toHaveCount(0);
    await expectNoViolations(page, "/beheer/mail after sending again");
    await page.screenshot({ path: testInfo.outputPath("beheer-mail-sent-again-1280.png"), fullPage: true });
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "E-mails die niet aankwamen" })).toBeVisible();
    await expect(page.getByRole("status")).toHaveCount(0);

    const mail = await waitForMail(to, new RegExp(subject));
    expect(mail.text).toContain(`/status/e2e-${id}`);
    await expect.poll(async () => (await outboxRow(id))?.status).toBe("sent");
    expect(await outboxRow(id)).toMatchObject({ subject: "", text_body: "", html_body: "" });
    const audit = await auditRows(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "outbox.requeued", actor_label: "fondsbeheer@example.org" });

    // Sending the same mail again (an old tab, a second click) is refused calmly.
    const again = await page.request.post("/beheer/mail", { form: { intent: "resend", id }, headers: { Origin: new URL(page.url()).origin } });
    expect(again.status()).toBe(409);
    expect(await again.text()).toContain("Deze e-mail staat niet meer in de lijst.");
    const nonsense = await page.request.post("/beheer/mail", { form: { intent: "iets", id: "" }, headers: { Origin: new URL(page.url()).origin } });
    expect(nonsense.status()).toBe(400);
  });

  test("een beoordelaar mag de pagina niet zien", async ({ page }) => {
    await signInAs(page, "beoordelaar@example.org");
    expect((await page.goto("/beheer/mail"))?.status()).toBe(403);
    expect((await page.request.post("/beheer/mail", { form: { intent: "resend", id: "x" }, headers: { Origin: new URL(page.url()).origin } })).status()).toBe(
      403,
    );
  });
});
