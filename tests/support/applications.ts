// One builder for an application as the form's schema hands it to the models, and one for the
// context a submission runs in, so a new field is added here once and not in every test file.
// Defaults are a complete, valid application by a resident without an account; pass what the
// test is about as overrides.
import type { ApplicationInput } from "~/forms/application-schema";
import type { submitApplication } from "~/models/applications.server";
import { TEST_SETTINGS } from "./test-db";

export type SubmitContext = Parameters<typeof submitApplication>[2];

/** A valid application; each call gets its own submission key (the double-submit key). */
export function applicationInput(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    submissionKey: `key-${Math.random().toString(36).slice(2)}`,
    name: "Sanne Test",
    email: "sanne@example.org",
    phone: null,
    areaId: "kroeven",
    title: "Samen koken",
    description: "Elke maand koken we met buren.",
    factorIds: ["ontmoeting", "verbondenheid"],
    activityDate: "2027-01-15",
    participants: 30,
    amount: 125050,
    requestedCents: 125050,
    costLines: [{ description: "Boodschappen", cents: 125050 }],
    publicConsent: true,
    ...overrides,
  };
}

/** Sent anonymously in Dutch, now (or at `overrides.now`), with the test fund's settings. */
export function submitContext(overrides: Partial<SubmitContext> = {}): SubmitContext {
  return { user: null, onBehalf: false, locale: "nl", now: overrides.now ?? new Date(), settings: TEST_SETTINGS, ...overrides };
}
