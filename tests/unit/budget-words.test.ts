// The forecast's sentence points to what works against underspend (outreach, simpler access,
// deferral in time) and never to approving more to spend the money (decision 145, domain.md §1).
import { describe, expect, it } from "vitest";
import { en, nl } from "~/i18n/sections/budget";

const sentences = (section: Record<string, string>) => Object.entries(section).filter(([key]) => key.startsWith("budget.sentence."));

describe("the budget's sentence", () => {
  it("never asks to approve more to spend the budget, in either language", () => {
    for (const [key, text] of sentences(nl)) expect(text, key).not.toMatch(/keur .*goed|goedkeur|besteden/i);
    for (const [key, text] of sentences(en)) expect(text, key).not.toMatch(/approve|spend the budget/i);
  });

  it("names deferral and where outreach helps", () => {
    expect(nl["budget.sentence.deferral"]).toContain("uitstel");
    expect(nl["budget.sentence.quiet"]).toContain("bekendheid");
    expect(nl["budget.advice"]).toContain("Keur geen aanvragen goed alleen om het geld op te maken");
  });
});
