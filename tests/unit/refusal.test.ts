// A refusal from the domain becomes a form error beside its field, or in the error summary when it
// is about the whole form, in the catalogue's words; the typed input stays.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseWithZod } from "@conform-to/zod/v4";
import { LIFECYCLE_WORDS, lifecycleParams, placeRefusal, replyWithRefusal } from "~/forms/refusal";
import { reasonField } from "~/forms/fields";
import { catalogue } from "~/i18n/catalogue";
import { translator } from "~/i18n/translate";
import type { LifecycleRefusal } from "~/domain/lifecycle";

const t = translator("nl");

function submitted(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return parseWithZod(form, { schema: z.object({ reason: reasonField(t).optional(), amount: z.string().optional() }) });
}

describe("replyWithRefusal", () => {
  it("puts a refusal about a field beside that field, and keeps what was typed", () => {
    const submission = submitted({ amount: "9.000", reason: "Graag" });
    const reply = replyWithRefusal(
      submission,
      { reason: "granted_above_requested", ok: false, grantedCents: 900_000, requestedCents: 250_000 } as LifecycleRefusal,
      {
        words: LIFECYCLE_WORDS,
        t,
        params: { requested: "€ 2.500,00" },
      },
    );
    expect(reply.error).toMatchObject({ amount: ["U kunt niet meer geven dan er is gevraagd. Gevraagd is € 2.500,00."] });
    expect(reply.initialValue).toMatchObject({ amount: "9.000", reason: "Graag" });
  });

  it("puts a refusal about the whole form in the form's own errors (the summary)", () => {
    const reply = replyWithRefusal(submitted({ reason: "Akkoord" }), { reason: "same_reviewer" }, { words: LIFECYCLE_WORDS, t });
    expect(reply.error?.[""]).toEqual(["U heeft deze aanvraag al goedgekeurd. Een tweede collega moet dit bevestigen."]);
    expect(reply.error?.reason).toBeUndefined();
  });

  it("can leave a typed value out of the page (a sign-in code)", () => {
    const reply = replyWithRefusal(
      submitted({ amount: "123456" }),
      { reason: "invalid" },
      { words: { invalid: { key: "limits.code.invalid", field: "amount" } }, t, hideFields: ["amount"] },
    );
    expect(JSON.stringify(reply)).not.toContain("123456");
    expect(reply.error?.amount).toHaveLength(1);
  });
});

describe("the lifecycle's words", () => {
  it("exist in the catalogue for every reason, in both languages, and fill their placeholders", () => {
    for (const [reason, place] of Object.entries(LIFECYCLE_WORDS)) {
      const key = typeof place === "string" ? place : place.key;
      expect(catalogue.nl[key], reason).toBeTruthy();
      expect(catalogue.en[key], reason).toBeTruthy();
    }
    const status = placeRefusal(
      { reason: "not_allowed_in_status" },
      LIFECYCLE_WORDS,
      t,
      lifecycleParams({ ok: false, reason: "not_allowed_in_status", status: "approved", action: "decline" }, t, "nl"),
    );
    expect(status).toEqual({ field: null, message: "Dit kan nu niet. De aanvraag heeft de status: Goedgekeurd." });
    const override = lifecycleParams({ ok: false, reason: "override_reason_required", rules: ["area_not_eligible", "activity_in_past"] }, t, "nl");
    expect(override.rules).toBe("de buurt hoort niet bij het fonds, de activiteit was al");
    expect(lifecycleParams({ ok: false, reason: "payment_above_granted", cents: 2, grantedCents: 150_000 }, t, "nl")).toEqual({ granted: "€ 1.500,00" });
  });
});
