// The form's two optional questions (issue 15): what help besides money, and how the resident came
// to the fund. Both may be left out; hostile values get a Dutch message beside the field.
import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod/v4";
import { applicationSchema, draftSchema, type ApplicationFormContext } from "~/forms/application-schema";
import { contentFingerprint } from "~/models/fingerprints.server";
import { translator } from "~/i18n/translate";
import { validFields } from "../support/form-data";

const ctx: ApplicationFormContext = {
  t: translator("nl"),
  locale: "nl",
  areas: [{ id: "kroeven", name: "Kroeven" }],
  factorIds: ["ontmoeting"],
  maxCents: 500_000,
  today: "2026-11-23",
  onBehalf: false,
};

function parse(overrides: Parameters<typeof validFields>[0]) {
  return parseWithZod(validFields({ submissionKey: "key-123456789", ...overrides }), { schema: applicationSchema(ctx) });
}

function valueOf(overrides: Parameters<typeof validFields>[0]) {
  const submission = parse(overrides);
  if (submission.status !== "success") throw new Error(`expected success, got ${JSON.stringify(submission.error)}`);
  return submission.value;
}

function errorsOf(overrides: Parameters<typeof validFields>[0]) {
  const submission = parse(overrides);
  if (submission.status === "success") throw new Error("expected the form to be refused");
  return submission.error ?? {};
}

describe("the optional questions on the application form", () => {
  it("may both be left out: no help, no answer", () => {
    expect(valueOf({})).toMatchObject({ helpWanted: [], foundVia: null, foundViaOther: null });
  });

  it("keeps one or more kinds of help, in the fixed order and once each", () => {
    expect(valueOf({ helpWanted: "permit" }).helpWanted).toEqual(["permit"]);
    expect(valueOf({ helpWanted: ["insurance", "space", "space"] }).helpWanted).toEqual(["space", "insurance"]);
    expect(valueOf({ helpWanted: ["space", "professional", "permit", "insurance"] }).helpWanted).toEqual(["space", "professional", "permit", "insurance"]);
  });

  it("refuses a kind of help that is not on the list, beside the question", () => {
    expect(errorsOf({ helpWanted: ["space", "money"] }).helpWanted).toEqual(["Kies hulp uit de lijst."]);
    expect(errorsOf({ helpWanted: ["space", "professional", "permit", "insurance", "space"] }).helpWanted).toEqual(["Kies hulp uit de lijst."]);
    expect(errorsOf({ helpWanted: "x".repeat(5000) }).helpWanted).toEqual(["Kies hulp uit de lijst."]);
  });

  it("keeps each way of coming to the fund", () => {
    for (const way of ["poster", "neighbourhood_worker", "walk_in", "advice_bus", "word_of_mouth", "other"] as const) {
      expect(valueOf({ foundVia: way }).foundVia).toBe(way);
    }
  });

  it("refuses a way that is not on the list", () => {
    expect(errorsOf({ foundVia: "television" }).foundVia).toEqual(["Kies een antwoord uit de lijst."]);
  });

  it("keeps the resident's own words only with 'anders', trimmed; empty is no answer", () => {
    expect(valueOf({ foundVia: "other", foundViaOther: "  De krant " })).toMatchObject({ foundVia: "other", foundViaOther: "De krant" });
    expect(valueOf({ foundVia: "other", foundViaOther: "" })).toMatchObject({ foundVia: "other", foundViaOther: null });
    expect(valueOf({ foundVia: "poster", foundViaOther: "De krant" })).toMatchObject({ foundVia: "poster", foundViaOther: null });
    expect(valueOf({ foundViaOther: "De krant" })).toMatchObject({ foundVia: null, foundViaOther: null });
  });

  it("refuses own words that are too long or look like code, with the limit", () => {
    expect(valueOf({ foundVia: "other", foundViaOther: "x".repeat(100) }).foundViaOther).toHaveLength(100);
    expect(errorsOf({ foundVia: "other", foundViaOther: "x".repeat(101) }).foundViaOther).toEqual(["Uw antwoord mag hoogstens 100 tekens hebben."]);
    expect(errorsOf({ foundVia: "other", foundViaOther: "<script>" }).foundViaOther).toEqual([
      "Gebruik geen code zoals <script> of andere tekens tussen < en >.",
    ]);
  });

  it("makes a different fingerprint with other answers, the same one without answers as before the questions", () => {
    const plain = valueOf({});
    const { helpWanted: _h, foundVia: _f, foundViaOther: _o, ...withoutQuestions } = plain;
    expect(contentFingerprint(plain)).toBe(contentFingerprint(withoutQuestions));
    const helped = valueOf({ helpWanted: ["space"] });
    const found = valueOf({ foundVia: "poster" });
    expect(new Set([plain, helped, found].map((v) => contentFingerprint({ ...v, submissionKey: "same" }))).size).toBe(3);
    expect(contentFingerprint(valueOf({ helpWanted: ["permit", "space"] }))).toBe(contentFingerprint(valueOf({ helpWanted: ["space", "permit"] })));
  });
});

describe("the optional questions in a draft", () => {
  const draft = (fields: Record<string, string | string[]>) => {
    const form = new FormData();
    form.set("email", "sanne@example.org");
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) form.append(k, x);
    const submission = parseWithZod(form, { schema: draftSchema(ctx) });
    if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
    return submission.value;
  };

  it("keeps the answers given and drops what is not on the list", () => {
    expect(draft({ helpWanted: ["permit", "money"], foundVia: "other", foundViaOther: "De krant" })).toMatchObject({
      helpWanted: ["permit"],
      foundVia: "other",
      foundViaOther: "De krant",
    });
    expect(draft({ foundVia: "television" }).foundVia).toBeUndefined();
  });

  it("tells the resident when their own words are too long", () => {
    const form = new FormData();
    form.set("email", "sanne@example.org");
    form.set("foundViaOther", "x".repeat(101));
    const submission = parseWithZod(form, { schema: draftSchema(ctx) });
    if (submission.status === "success") throw new Error("expected the draft to be refused");
    expect(submission.error?.foundViaOther).toEqual(["Uw antwoord mag hoogstens 100 tekens hebben."]);
  });
});
