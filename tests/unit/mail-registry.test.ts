import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/translate";
import { lifecycleMail, registeredLifecycleMails, OUTBOX_TEMPLATES } from "../../emails/registry";

const data = {
  reference: "IF-2027-0042",
  title: "Samen <koken>",
  applicantName: "Sanne",
  areaName: "Kroeven",
  statusUrl: "https://fonds.example/status/abc",
  bureauUrl: "https://fonds.example/beheer/aanvragen/IF-2027-0042",
  myApplicationUrl: "https://fonds.example/mijn-aanvragen/IF-2027-0042",
  status: "submitted" as const,
  decision: null,
  question: null,
  locale: "nl" as const,
};

describe("the mail template registry", () => {
  it("has a renderer for exactly these lifecycle mails; the others wait for their step's screen", () => {
    // A new step's mail is added here on purpose (docs/recipes/add-a-lifecycle-step.md).
    expect(registeredLifecycleMails().sort()).toEqual([
      "answer_received",
      "cancelled",
      "decision",
      "new_application",
      "question",
      "received",
      "report_received",
      "second_review_needed",
      "withdrawn",
    ]);
    expect(() => lifecycleMail("payment")).toThrow(/No mail template for the lifecycle's "payment"/);
  });

  it("puts the bureau's question and the link to the applicant's own page in the question mail, in their language", () => {
    const nl = lifecycleMail("question").render(translator("nl"), { ...data, question: "Hoeveel mensen <komen>?" });
    expect(nl.subject).toBe("Een vraag over uw aanvraag IF-2027-0042");
    expect(nl.text).toContain("Hoeveel mensen <komen>?");
    expect(nl.html).toContain("Hoeveel mensen &lt;komen&gt;?");
    expect(nl.text).toContain("https://fonds.example/mijn-aanvragen/IF-2027-0042");
    expect(lifecycleMail("question").render(translator("en"), { ...data, question: "Why?" }).subject).toBe("A question about your application IF-2027-0042");
    expect(() => lifecycleMail("question").render(translator("nl"), data)).toThrow(/needs a value/);
  });

  it("names every outbox row after a known template", () => {
    for (const template of registeredLifecycleMails()) expect(OUTBOX_TEMPLATES).toContain(lifecycleMail(template).outbox);
  });

  it("needs the status link for the confirmation, which exists only at submission", () => {
    expect(lifecycleMail("received").render(translator("nl"), data).text).toContain("https://fonds.example/status/abc");
    expect(() => lifecycleMail("received").render(translator("nl"), { ...data, statusUrl: null })).toThrow(/needs a value/);
  });

  it("tells the bureau what happened without personal data", () => {
    const mail = lifecycleMail("answer_received").render(translator("nl"), data);
    expect(mail.subject).toBe("Aanvraag IF-2027-0042: de aanvrager heeft uw vraag beantwoord");
    expect(mail.text).toContain(data.bureauUrl);
    expect(mail.text).not.toContain("Sanne");
    expect(mail.html).toContain("Samen &lt;koken&gt;");
    expect(lifecycleMail("report_received").render(translator("en"), data).subject).toBe("Application IF-2027-0042: the report has come in");
  });

  it("writes the decision in the applicant's language: amount, conditions, help and next steps, or the reason and what else", () => {
    const approved = {
      ...data,
      status: "approved" as const,
      decision: { kind: "approved" as const, grantedCents: 125_050, conditions: "Bonnetjes bewaren", help: ["space" as const, "permit" as const] },
    };
    const nl = lifecycleMail("decision").render(translator("nl"), approved);
    expect(nl.subject).toBe("Goed nieuws: uw aanvraag IF-2027-0042 is goedgekeurd");
    expect(nl.text).toContain("U krijgt € 1.250,50.");
    expect(nl.text).toContain("Dit vragen wij van u: Bonnetjes bewaren");
    expect(nl.text).toContain("een ruimte, hulp bij een vergunning");
    expect(nl.text).toContain("Wat gebeurt er nu?");
    expect(nl.text).toContain(data.myApplicationUrl);
    const en = lifecycleMail("decision").render(translator("en"), { ...approved, locale: "en" });
    expect(en.subject).toBe("Good news: your application IF-2027-0042 has been approved");
    expect(en.text).toContain("a space, help with a permit");
    const declined = lifecycleMail("decision").render(translator("nl"), {
      ...data,
      status: "declined",
      decision: { kind: "declined", reason: "Het is een feest voor één gezin.", alternatives: "Vraag de buren mee." },
    });
    expect(declined.subject).toBe("Uw aanvraag IF-2027-0042 is afgewezen");
    expect(declined.text).toContain("De reden: Het is een feest voor één gezin.");
    expect(declined.text).toContain("Wat u wel kunt doen: Vraag de buren mee.");
    const cancelled = lifecycleMail("cancelled").render(translator("nl"), {
      ...data,
      status: "cancelled",
      decision: { kind: "cancelled", reason: "Gaat niet door." },
    });
    expect(cancelled.text).toContain("De reden: Gaat niet door.");
    expect(() => lifecycleMail("decision").render(translator("nl"), data)).toThrow(/needs a value/);
    expect(() => lifecycleMail("cancelled").render(translator("nl"), { ...data, decision: declined as never })).toThrow();
  });
});
