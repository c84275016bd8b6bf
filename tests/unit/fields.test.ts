// The shared field rules: one definition of an e-mail address, plain text, an amount and a reason,
// with the catalogue's words, used by the application form and the sign-in form alike.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { accountEmailField, amountField, emailField, plainTextField, reasonField, REASON_MAX } from "~/forms/fields";
import { applicationSchema, draftSchema } from "~/forms/application-schema";
import { signInSchema } from "~/forms/sign-in-schema";
import { translator } from "~/i18n/translate";

const t = translator("nl");
const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("emailField", () => {
  it("accepts an address (trimmed, case kept) and refuses the rest in plain Dutch", () => {
    expect(emailField(t).parse("  Fenna@Example.org ")).toBe("Fenna@Example.org");
    expect(messages(emailField(t), undefined)).toEqual(["Vul uw e-mailadres in."]);
    expect(messages(emailField(t), "   ")).toContain("Vul uw e-mailadres in.");
    expect(messages(emailField(t), "geen-adres")).toEqual(["Dit e-mailadres klopt niet. Een e-mailadres ziet er zo uit: naam@voorbeeld.nl"]);
    expect(messages(emailField(t), `${"a".repeat(250)}@example.org`)).toContain(
      "Dit e-mailadres klopt niet. Een e-mailadres ziet er zo uit: naam@voorbeeld.nl",
    );
  });

  it("is the same rule on the application form, the draft and the sign-in form", () => {
    const ctx = {
      t,
      locale: "nl" as const,
      areas: [{ id: "kroeven", name: "Kroeven" }],
      factorIds: ["ontmoeting"],
      maxCents: 500_000,
      today: "2026-12-01",
      onBehalf: false,
    };
    for (const [name, schema] of [
      ["application", applicationSchema(ctx)],
      ["draft", draftSchema(ctx)],
      ["sign-in", signInSchema(t)],
    ] as const) {
      const result = (schema as z.ZodType).safeParse({ email: "geen-adres" });
      expect(result.success, name).toBe(false);
      const emailIssues = result.error!.issues.filter((i) => i.path[0] === "email").map((i) => i.message);
      expect(emailIssues, name).toEqual(["Dit e-mailadres klopt niet. Een e-mailadres ziet er zo uit: naam@voorbeeld.nl"]);
    }
  });

  it("lower-cases an address for matching an account", () => {
    expect(accountEmailField(t).parse(" Fenna@Example.ORG")).toBe("fenna@example.org");
  });
});

describe("plainTextField and reasonField", () => {
  const title = plainTextField(t, { required: "form.error.titleRequired", tooLong: "form.error.titleTooLong" }, 10);
  it("trims, requires, limits and refuses markup", () => {
    expect(title.parse("  Buurtfeest ")).toBe("Buurtfeest");
    expect(messages(title, "   ")).toEqual(["Geef uw idee een naam."]);
    expect(messages(title, "x".repeat(11))).toEqual(["De naam mag hoogstens 10 tekens hebben."]);
    expect(messages(title, "<b>feest")).toEqual(["Gebruik geen code zoals <script> of andere tekens tussen < en >."]);
    // A "less than" in plain writing is not markup.
    expect(title.parse("5 < 6")).toBe("5 < 6");
  });

  it("a reason is written out, at most REASON_MAX characters", () => {
    expect(messages(reasonField(t), undefined)).toEqual(["Schrijf op waarom."]);
    expect(messages(reasonField(t), "x".repeat(REASON_MAX + 1))).toEqual([`Schrijf hoogstens ${REASON_MAX} tekens.`]);
    expect(reasonField(t).parse(" De begroting klopt niet. ")).toBe("De begroting klopt niet.");
  });
});

describe("amountField", () => {
  const amount = amountField({ t, locale: "nl", maxCents: 500_000 });
  it("reads Dutch notation into cents", () => {
    expect(amount.parse("1.250,50")).toBe(125_050);
    expect(amount.parse("€ 250")).toBe(25_000);
  });
  it("refuses zero, nonsense and too much in the catalogue's words", () => {
    expect(messages(amount, "0")).toHaveLength(1);
    expect(messages(amount, "veel")).toEqual(["Dit is geen bedrag. Schrijf het zo: 1.250,50"]);
    expect(messages(amount, "6000")).toEqual(["Het bedrag is te hoog. U kunt hoogstens € 5.000,00 vragen."]);
  });
});
