// A "no" from the domain (or a model) shown where the person can act on it: beside the field it is
// about, or at the top of the form in the error summary, in the catalogue's words. One helper over
// conform's submission.reply, so every bureau form answers a refusal the same way and keeps the input.
import type { SubmissionResult } from "@conform-to/react";
import type { LifecycleRefusal, LifecycleRefusalReason } from "~/domain/lifecycle";
import { formatCents } from "~/domain/money";
import type { MoneyRefusal, MoneyRefusalReason } from "~/models/ledger-effects.server";
import { moneyParams } from "./money-refusal";
import type { MessageKey } from "~/i18n/catalogue";
import type { Locale, MessageParams, Translate } from "~/i18n/translate";

/** The catalogue key of a reason, and the form field it belongs beside (none: the error summary). */
export type RefusalPlace = { key: MessageKey; field?: string };

/**
 * The words for every reason of a refusal type. A Record over the reasons' union, so a reason the
 * domain adds without words here is a type error, not a raw code on the screen.
 */
export type RefusalWords<R extends string> = Record<R, MessageKey | RefusalPlace>;

type Repliable = { reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[] }): SubmissionResult<string[]> };

export type RefusalReplyOptions<R extends string> = {
  words: RefusalWords<R>;
  t: Translate;
  /** The words' placeholders ({status}, {max}, …). */
  params?: MessageParams;
  /** Fields whose typed value must not come back in the page (a sign-in code). */
  hideFields?: string[];
};

/** Where a refusal goes and what it says: for actions that need the text itself (say a 429 notice). */
export function placeRefusal<R extends string>(
  refusal: { reason: R },
  words: RefusalWords<R>,
  t: Translate,
  params?: MessageParams,
): { field: string | null; message: string } {
  const place = words[refusal.reason];
  const { key, field } = typeof place === "string" ? { key: place, field: undefined } : place;
  return { field: field ?? null, message: t(key, params) };
}

/**
 * conform's reply for the form that was sent, with the refusal added beside its field or to the
 * form's own errors. The input stays in the form.
 *
 *   const decision = await applyLifecycleAction(…);
 *   if (!decision.ok) {
 *     const params = lifecycleParams(decision, t, locale);
 *     return data({ result: replyWithRefusal(submission, decision, { words: LIFECYCLE_WORDS, t, params }) }, { status: 409 });
 *   }
 */
export function replyWithRefusal<R extends string>(submission: Repliable, refusal: { reason: R }, options: RefusalReplyOptions<R>): SubmissionResult<string[]> {
  const { field, message } = placeRefusal(refusal, options.words, options.t, options.params);
  const hideFields = options.hideFields;
  return field ? submission.reply({ fieldErrors: { [field]: [message] }, hideFields }) : submission.reply({ formErrors: [message], hideFields });
}

/**
 * The lifecycle's refusals ("lifecycle.refusal.<reason>", app/i18n/sections/domain-a.ts) and the field
 * each belongs to on a bureau form: `reason` for the written reason, `overrideReason` for an override,
 * `amount` for an amount. A form that names its fields differently spreads this and overrides one.
 */
export const LIFECYCLE_WORDS: RefusalWords<LifecycleRefusalReason | MoneyRefusalReason> = {
  not_allowed_in_status: "lifecycle.refusal.not_allowed_in_status",
  not_signed_in: "lifecycle.refusal.not_signed_in",
  role_not_allowed: "lifecycle.refusal.role_not_allowed",
  not_own: "lifecycle.refusal.not_own",
  not_own_organisation: "lifecycle.refusal.not_own_organisation",
  conflict_of_interest: "lifecycle.refusal.conflict_of_interest",
  same_reviewer: "lifecycle.refusal.same_reviewer",
  reason_required: { key: "lifecycle.refusal.reason_required", field: "reason" },
  invalid_amount: { key: "lifecycle.refusal.invalid_amount", field: "amount" },
  granted_above_requested: { key: "lifecycle.refusal.granted_above_requested", field: "amount" },
  payment_above_granted: { key: "lifecycle.refusal.payment_above_granted", field: "amount" },
  override_reason_required: { key: "lifecycle.refusal.override_reason_required", field: "overrideReason" },
  // The step's money could not be booked (models/ledger-effects.server.ts, app/i18n/sections/money.ts).
  money_short: { key: "money.step.short", field: "amount" },
  no_pot_fits: { key: "money.step.noPot", field: "amount" },
  exceeds_outstanding: { key: "money.step.exceedsOutstanding", field: "amount" },
};

/** The placeholders of a lifecycle refusal's words (domain-a.ts says which are filled how). */
export function lifecycleParams(refusal: LifecycleRefusal | MoneyRefusal, t: Translate, locale: Locale): MessageParams {
  switch (refusal.reason) {
    case "money_short":
    case "no_pot_fits":
    case "exceeds_outstanding":
      return moneyParams(refusal, t, locale);
    case "not_allowed_in_status":
      return { status: t(`lifecycle.status.${refusal.status}`) };
    case "granted_above_requested":
      return { requested: formatCents(refusal.requestedCents, locale) };
    case "payment_above_granted":
      return { granted: formatCents(refusal.grantedCents, locale) };
    case "override_reason_required":
      return { rules: refusal.rules.map((rule) => t(`lifecycle.override.${rule}`)).join(", ") };
    default:
      return {};
  }
}
