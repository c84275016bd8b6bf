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
};

describe("the mail template registry", () => {
  it("has a renderer for exactly these lifecycle mails; the others wait for their step's screen", () => {
    // A new step's mail is added here on purpose (docs/recipes/add-a-lifecycle-step.md).
    expect(registeredLifecycleMails().sort()).toEqual([
      "answer_received",
      "new_application",
      "received",
      "report_received",
      "second_review_needed",
      "withdrawn",
    ]);
    expect(() => lifecycleMail("decision")).toThrow(/No mail template for the lifecycle's "decision"/);
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
});
