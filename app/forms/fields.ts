// The field rules every form shares, so an e-mail address, a piece of text, an amount or a reason
// is checked the same way (and told the same words) on every page, on the server and in the browser.
// Each takes the translator, because a message is part of the rule. Build a form's schema from
// these; add a new shared field here rather than a look-alike in one form.
import { z } from "zod";
import { formatCents, parseAmount } from "~/domain/money";
import type { Locale, Translate } from "~/i18n/translate";
import type { MessageKey } from "~/i18n/catalogue";

/** RFC 5321's limit for a whole address. */
export const EMAIL_MAX = 254;
/** What a bureau member may write as a reason (a question, a decision, an override). */
export const REASON_MAX = 2000;

/** Text that looks like markup: a tag opening or closing (`<b`, `</`, `<!`, `<?`). */
export const HTML_TAG = /<\s*\/?\s*[a-z!?]/i;

export const hasMarkup = (text: string) => HTML_TAG.test(text);

/** An e-mail address, trimmed; empty and malformed have their own words. */
export function emailField(t: Translate) {
  return z
    .string({ error: t("form.error.emailRequired") })
    .trim()
    .min(1, t("form.error.emailRequired"))
    .max(EMAIL_MAX, t("form.error.emailInvalid"))
    .email(t("form.error.emailInvalid"));
}

/** The same address, lower-cased: for matching it to an account (sign-in), not for showing it. */
export function accountEmailField(t: Translate) {
  return emailField(t).transform((email) => email.toLowerCase());
}

/**
 * Plain text a person types: trimmed, required, at most `max` characters and no markup
 * (it is shown to others and goes into mails). `required` and `tooLong` are the field's own words;
 * `tooLong` gets {max}.
 */
export function plainTextField(t: Translate, words: { required: MessageKey; tooLong: MessageKey }, max: number) {
  return z
    .string({ error: t(words.required) })
    .trim()
    .min(1, t(words.required))
    .max(max, t(words.tooLong, { max }))
    .refine((v) => !hasMarkup(v), t("form.error.noHtml"));
}

/** Optional plain text: empty is fine, the rest as plainTextField. */
export function optionalPlainTextField(t: Translate, tooLong: MessageKey, max: number) {
  return z
    .string()
    .trim()
    .max(max, t(tooLong, { max }))
    .refine((v) => !hasMarkup(v), t("form.error.noHtml"))
    .optional();
}

/** Why someone does what they do (a question to the resident, a refusal, an override): written out, no markup. */
export function reasonField(t: Translate, max = REASON_MAX) {
  return plainTextField(t, { required: "forms.error.reasonRequired", tooLong: "forms.error.reasonTooLong" }, max);
}

type AmountContext = { t: Translate; locale: Locale; maxCents: number };

/**
 * The message for an amount in Dutch notation ("1.250,50", "€ 250"), or null when it is fine.
 * Zero is refused: nobody asks for, grants or pays nothing.
 */
export function amountMessage(ctx: AmountContext, text: string | undefined): string | null {
  const result = parseAmount(text ?? "", { maxCents: ctx.maxCents });
  if (result.ok) return result.cents === 0 ? ctx.t("form.error.amountZero") : null;
  if (result.reason === "empty") return ctx.t("form.error.amountRequired");
  return ctx.t(`money.refusal.${result.reason}`, {
    max: formatCents(result.maxCents ?? ctx.maxCents, ctx.locale),
    suggestion: result.suggestion === undefined ? "" : formatCents(result.suggestion, ctx.locale),
  });
}

/** An amount in Dutch notation, as integer cents (domain/money.parseAmount), at most ctx.maxCents. */
export function amountField(ctx: AmountContext) {
  return z
    .string({ error: ctx.t("form.error.amountRequired") })
    .max(40, ctx.t("money.refusal.not_a_number"))
    .transform((v, c) => {
      const message = amountMessage(ctx, v);
      if (message) c.addIssue({ code: "custom", message });
      const parsed = parseAmount(v, { maxCents: ctx.maxCents });
      return parsed.ok ? parsed.cents : 0;
    });
}
