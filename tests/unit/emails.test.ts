import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/translate";
import { renderApplicationReceivedMail } from "../../emails/application-received";
import { renderSignInMail } from "../../emails/sign-in";
import { renderDraftSavedMail } from "../../emails/draft-saved";
import { renderNewApplicationMail } from "../../emails/new-application";
import { renderSignInLockedMail } from "../../emails/sign-in-locked";

const data = { name: 'Fien & Co "de buren"', title: "Samen <koken>", reference: "IF-2027-0042", statusUrl: "https://fonds.example/status/abc?x=1&y=2" };

describe("mail templates", () => {
  it("render plain text and HTML from the same typed data, in Dutch", () => {
    const mail = renderApplicationReceivedMail(translator("nl"), data);
    expect(mail.subject).toBe("Wij hebben uw aanvraag IF-2027-0042 ontvangen");
    expect(mail.text).toContain('Beste Fien & Co "de buren",');
    expect(mail.text).toContain("https://fonds.example/status/abc?x=1&y=2");
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).toContain("Beste Fien &amp; Co &quot;de buren&quot;,");
    expect(mail.html).toContain("Samen &lt;koken&gt;");
    expect(mail.html).not.toContain("<koken>");
    expect(mail.html).toContain('href="https://fonds.example/status/abc?x=1&amp;y=2"');
  });

  it("speak English to a resident who chose English", () => {
    const mail = renderApplicationReceivedMail(translator("en"), data);
    expect(mail.subject).toBe("We have received your application IF-2027-0042");
    expect(mail.html).toContain('<html lang="en">');
  });

  it("cover sign-in, drafts and the bureau notice", () => {
    const t = translator("nl");
    expect(renderSignInMail(t, { code: "123456", link: "https://x/l" }).text).toContain("123456");
    expect(renderDraftSavedMail(t, { continueUrl: "https://x/c" }).text).toContain("https://x/c");
    const notice = renderNewApplicationMail(t, { reference: "IF-2027-0001", title: "Buurtfeest", areaName: "Fatima", url: "https://x/b" });
    expect(notice.subject).toBe("Nieuwe aanvraag IF-2027-0001");
    expect(notice.text).toContain("Buurtfeest");
  });

  it("tell a person, in Dutch or English, that their code path is paused and the link still works", () => {
    const data = { email: "fien@example.org", until: "23 november 2026 om 11:00", signInUrl: "https://fonds.example/inloggen" };
    const nl = renderSignInLockedMail(translator("nl"), data);
    expect(nl.subject).toBe("Inloggen met een code is even gestopt");
    expect(nl.text).toContain("fien@example.org");
    expect(nl.text).toContain("pas vanaf 23 november 2026 om 11:00 weer inloggen met een code");
    expect(nl.text).toContain("Inloggen met de link uit de e-mail werkt wel");
    expect(nl.text).toContain("Naar inloggen: https://fonds.example/inloggen");
    expect(nl.html).toContain('href="https://fonds.example/inloggen"');
    const en = renderSignInLockedMail(translator("en"), { ...data, until: "23 November 2026 at 11:00" });
    expect(en.subject).toBe("Signing in with a code has been paused");
    expect(en.html).toContain('<html lang="en">');
    expect(en.text).toContain("Signing in with the link from the e-mail does work");
  });
});
