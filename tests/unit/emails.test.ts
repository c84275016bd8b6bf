import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/translate";
import { renderApplicationReceivedMail } from "../../emails/application-received";
import { renderSignInMail } from "../../emails/sign-in";
import { renderDraftSavedMail } from "../../emails/draft-saved";
import { renderNewApplicationMail } from "../../emails/new-application";

const data = { name: "Fien & Co \"de buren\"", title: "Samen <koken>", reference: "IF-2027-0042", statusUrl: "https://fonds.example/status/abc?x=1&y=2" };

describe("mail templates", () => {
  it("render plain text and HTML from the same typed data, in Dutch", () => {
    const mail = renderApplicationReceivedMail(translator("nl"), data);
    expect(mail.subject).toBe("Wij hebben uw aanvraag IF-2027-0042 ontvangen");
    expect(mail.text).toContain("Beste Fien & Co \"de buren\",");
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
});
