import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod/v4";
import { applicationSchema, draftSchema, honeypotFilled, HONEYPOT_FIELD, normaliseDate, type ApplicationFormContext } from "~/forms/application-schema";
import { translator } from "~/i18n/translate";
import { validFields } from "../support/form-data";

const ctx: ApplicationFormContext = {
  t: translator("nl"),
  locale: "nl",
  areas: [
    { id: "kroeven", name: "Kroeven" },
    { id: "fatima", name: "Fatima" },
  ],
  factorIds: ["ontmoeting", "verbondenheid"],
  maxCents: 500_000,
  today: "2026-11-23",
  onBehalf: false,
};

function parse(overrides: Parameters<typeof validFields>[0], context = ctx) {
  return parseWithZod(validFields(overrides), { schema: applicationSchema(context) });
}

function errorsOf(overrides: Parameters<typeof validFields>[0], context = ctx) {
  const submission = parse(overrides, context);
  if (submission.status === "success") throw new Error("expected the form to be refused");
  return submission.error ?? {};
}

describe("application form schema", () => {
  it("accepts a complete application and turns the amount into cents", () => {
    const submission = parse({});
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({
      requestedCents: 125050,
      factorIds: ["ontmoeting"],
      activityDate: "2027-01-15",
      participants: 30,
      publicConsent: true,
      email: "sanne.test@example.org",
      phone: null,
      costLines: [],
    });
  });

  it("gives a Dutch message for every missing field", () => {
    const form = new FormData();
    form.set("submissionKey", "key-123456789");
    const submission = parseWithZod(form, { schema: applicationSchema(ctx) });
    if (submission.status === "success") throw new Error("expected the form to be refused");
    const e = submission.error ?? {};
    expect(e.name).toEqual(["Vul uw naam in."]);
    expect(e.email).toEqual(["Vul uw e-mailadres in."]);
    expect(e.areaId).toEqual(["Kies de wijk of buurt van uw idee."]);
    expect(e.title).toEqual(["Geef uw idee een naam."]);
    expect(e.description).toEqual(["Vertel wat u wilt doen en voor wie."]);
    expect(e.factorIds).toEqual(["Kies minstens 1 beschermende factor."]);
    expect(e.activityDate).toEqual(["Vul een datum in."]);
    expect(e.participants).toEqual(["Vul in hoeveel mensen ongeveer meedoen."]);
    expect(e.amount).toEqual(["Vul het bedrag in dat u aanvraagt."]);
    expect(e.publicConsent).toEqual(["Kies ja of nee."]);
  });

  it.each([
    ["-5", "Het bedrag kan niet negatief zijn."],
    ["veel", "Dit is geen bedrag. Schrijf het zo: 1.250,50"],
    ["0", "Het bedrag moet meer dan € 0 zijn."],
    ["5.000,01", "Het bedrag is te hoog. U kunt hoogstens € 5.000,00 vragen."],
    ["1250,505", "Gebruik hoogstens twee cijfers achter de komma."],
  ])("refuses the amount %s", (amount, message) => {
    expect(errorsOf({ amount }).amount).toEqual([message]);
  });

  it("refuses unknown neighbourhoods and factors", () => {
    expect(errorsOf({ areaId: "de-dijken" }).areaId?.[0]).toContain("Deze wijk of buurt kennen wij niet");
    expect(errorsOf({ factorIds: ["ontmoeting", "bestaat-niet"] })["factorIds[1]"]).toEqual(["Kies een factor uit de lijst."]);
  });

  it("refuses HTML and script in text", () => {
    expect(errorsOf({ title: "<script>alert(1)</script>" }).title).toEqual(["Gebruik geen code zoals <script> of andere tekens tussen < en >."]);
    expect(errorsOf({ description: "Leuk feest <img src=x onerror=alert(1)> voor iedereen" }).description?.[0]).toContain("Gebruik geen code");
    // A lone "<" in ordinary writing is fine.
    expect(parse({ description: "Voor kinderen < 12 jaar en hun ouders." }).status).toBe("success");
  });

  it("refuses a text that is far too long, and says how long it is", () => {
    expect(errorsOf({ description: "x".repeat(10_000) }).description).toEqual(["Uw tekst mag hoogstens 4000 tekens hebben. Nu zijn het er 10000."]);
  });

  it("checks the date: past, far future, typed Dutch dates", () => {
    expect(errorsOf({ activityDate: "2026-11-22" }).activityDate).toEqual(["Deze datum is al voorbij. Kies een datum vanaf vandaag."]);
    expect(errorsOf({ activityDate: "2029-01-01" }).activityDate).toEqual(["Kies een datum binnen 2 jaar."]);
    expect(errorsOf({ activityDate: "31-02-2027" }).activityDate).toEqual(["Deze datum klopt niet. Schrijf hem zo: 14-03-2027."]);
    const typed = parse({ activityDate: "14-03-2027" });
    expect(typed.status === "success" && typed.value.activityDate).toBe("2027-03-14");
    expect(parse({ activityDate: "2026-11-23" }).status).toBe("success");
  });

  it("checks the number of participants", () => {
    expect(errorsOf({ participants: "twintig" }).participants).toEqual(["Vul een heel getal in, zoals 25."]);
    expect(errorsOf({ participants: "0" }).participants).toEqual(["Vul een aantal in van 1 tot en met 100000."]);
    expect(errorsOf({ participants: "-3" }).participants).toEqual(["Vul een heel getal in, zoals 25."]);
  });

  it("lets cost lines add up to the amount, or says by how much they differ", () => {
    const ok = parse({
      amount: "300",
      "costLines[0].description": "Boodschappen",
      "costLines[0].amount": "250",
      "costLines[1].description": "Huur zaal",
      "costLines[1].amount": "50,00",
      "costLines[2].description": "",
      "costLines[2].amount": "",
    });
    expect(ok.status).toBe("success");
    expect(ok.status === "success" && ok.value.costLines).toEqual([
      { description: "Boodschappen", cents: 25000 },
      { description: "Huur zaal", cents: 5000 },
    ]);
    expect(errorsOf({ amount: "300", "costLines[0].description": "Boodschappen", "costLines[0].amount": "250" }).costLines).toEqual([
      "Uw kosten zijn samen € 250,00, maar u vraagt € 300,00 aan. Maak ze gelijk, of laat de kosten leeg.",
    ]);
    expect(errorsOf({ "costLines[0].amount": "20" })["costLines[0].description"]).toEqual(["Schrijf op waarvoor deze kosten zijn."]);
    expect(errorsOf({ "costLines[0].description": "Koffie" })["costLines[0].amount"]).toEqual(["Vul het bedrag van deze kosten in."]);
  });

  it("asks a supporter for the resident's e-mail or phone, and checks the phone number", () => {
    const onBehalf = { ...ctx, onBehalf: true };
    expect(errorsOf({ email: undefined }, onBehalf).email).toEqual(["Vul een e-mailadres of een telefoonnummer van de bewoner in."]);
    const byPhone = parse({ email: undefined, phone: "06 1234 5678" }, onBehalf);
    expect(byPhone.status === "success" && byPhone.value).toMatchObject({ email: null, phone: "0612345678" });
    expect(errorsOf({ email: undefined, phone: "12345" }, onBehalf).phone).toEqual([
      "Dit telefoonnummer klopt niet. Bijvoorbeeld: 06 12345678 of 0165 123456.",
    ]);
  });

  it("speaks English when the reader chose English", () => {
    const en = { ...ctx, t: translator("en"), locale: "en" as const };
    expect(errorsOf({ name: undefined }, en).name).toEqual(["Fill in your name."]);
  });

  it("needs only a valid e-mail address to save a draft", () => {
    const form = new FormData();
    form.set("email", "geen-adres");
    const s = parseWithZod(form, { schema: draftSchema(ctx) });
    expect(s.status === "error" && s.error?.email).toEqual(["Dit e-mailadres klopt niet. Een e-mailadres ziet er zo uit: naam@voorbeeld.nl"]);
  });

  it("keeps only the form's own fields in a draft, within the form's size limits", () => {
    const form = validFields({
      factorIds: ["ontmoeting", "bestaat-niet"],
      junk: "x".repeat(1_000_000),
      "costLines[0].description": "Huur",
      "costLines[0].amount": "12,50",
    });
    form.set("website", "spam");
    form.set("areaId", "k".repeat(5000));
    const s = parseWithZod(form, { schema: draftSchema(ctx) });
    expect(s.status).toBe("success");
    const value = s.status === "success" ? s.value : null;
    expect(Object.keys(JSON.parse(JSON.stringify(value))).sort()).toEqual([
      "activityDate",
      "amount",
      "costLines",
      "description",
      "email",
      "factorIds",
      "name",
      "participants",
      "publicConsent",
      "title",
    ]);
    expect(value).toMatchObject({ factorIds: ["ontmoeting"], costLines: [{ description: "Huur", amount: "12,50" }], publicConsent: "yes" });
    expect(JSON.stringify(value).length).toBeLessThan(1000);

    const long = parseWithZod(validFields({ description: "x".repeat(4001), title: "t".repeat(121) }), { schema: draftSchema(ctx) });
    expect(long.status === "error" && long.error?.description?.[0]).toMatch(/4000/);
    expect(long.status === "error" && long.error?.title).toEqual(["De naam mag hoogstens 120 tekens hebben."]);
    const lines = validFields();
    for (let i = 0; i < 11; i++) lines.set(`costLines[${i}].description`, "regel");
    expect(parseWithZod(lines, { schema: draftSchema(ctx) }).status).toBe("error");
  });

  it("recognises a filled-in honeypot, and only that", () => {
    const form = validFields();
    expect(honeypotFilled(form)).toBe(false);
    form.set(HONEYPOT_FIELD, "  ");
    expect(honeypotFilled(form)).toBe(false);
    form.set(HONEYPOT_FIELD, "https://spam.example");
    expect(honeypotFilled(form)).toBe(true);
  });

  it("normalises dates from the date field and from typing", () => {
    expect(normaliseDate("2027-03-14")).toBe("2027-03-14");
    expect(normaliseDate("4/3/2027")).toBe("2027-03-04");
    expect(normaliseDate("2027-02-29")).toBeNull();
    expect(normaliseDate("morgen")).toBeNull();
  });
});
