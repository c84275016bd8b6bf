import { describe, expect, it } from "vitest";
import { ok, refuse } from "./result";

describe("result", () => {
  it("ok puts the payload next to ok: true", () => {
    expect(ok({ cents: 5 })).toEqual({ ok: true, cents: 5 });
  });

  it("refuse carries the reason and its data, and the data cannot override them", () => {
    expect(refuse("negative")).toEqual({ ok: false, reason: "negative" });
    expect(refuse("above_maximum", { maxCents: 10 })).toEqual({ ok: false, reason: "above_maximum", maxCents: 10 });
    expect(refuse("x", { ok: true, reason: "y" })).toEqual({ ok: false, reason: "x" });
  });
});
