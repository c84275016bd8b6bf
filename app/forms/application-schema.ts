// The application form's rules, shared by the server and (with JavaScript on) the browser,
// so a resident sees the same Dutch message in both places.
import { z } from "zod";
import { formatCents, parseAmount } from "~/domain/money";
import { HELP_KINDS, type HelpKind } from "~/domain/review";
import type { Locale, Translate } from "~/i18n/translate";
import type { MessageKey } from "~/i18n/catalogue";
import { amountField, amountMessage, EMAIL_MAX, emailField, hasMarkup, optionalPlainTextField, plainTextField } from "./fields";

export { amountMessage };

export const LIMITS = {
  name: 100,
  email: EMAIL_MAX,
  title: 120,
  descriptionMin: 10,
  description: 4000,
  participants: 100_000,
  costLines: 10,
  costDescription: 200,
  foundViaOther: 100,
} as const;

/** "Hoe kwam u bij het fonds?": the ways of outreach the fund monitors (issue 15). */
export const FOUND_VIA = ["poster", "neighbourhood_worker", "walk_in", "advice_bus", "word_of_mouth", "other"] as const;
export type FoundVia = (typeof FOUND_VIA)[number];

/**
 * The two optional questions (help besides money, how they came to the fund). An unknown choice or
 * too long a text gets a message beside its field; "other"'s own words are kept only with "other".
 */
function outreachFields(t: Translate) {
  return {
    helpWanted: z
      .array(z.string().max(40), { error: t("form.error.helpUnknown") })
      .max(HELP_KINDS.length, t("form.error.helpUnknown"))
      .refine((kinds) => kinds.every((v) => (HELP_KINDS as readonly string[]).includes(v)), t("form.error.helpUnknown"))
      .optional()
      .transform((kinds) => HELP_KINDS.filter((k) => kinds?.includes(k)) as HelpKind[]),
    foundVia: z
      .string()
      .refine((v) => (FOUND_VIA as readonly string[]).includes(v), t("form.error.foundViaUnknown"))
      .optional()
      .transform((v) => (v ? (v as FoundVia) : null)),
    foundViaOther: optionalPlainTextField(t, "form.error.foundViaOtherTooLong", LIMITS.foundViaOther),
  };
}

export type ApplicationFormContext = {
  t: Translate;
  locale: Locale;
  areas: { id: string; name: string }[];
  factorIds: string[];
  maxCents: number;
  /** Today in Europe/Amsterdam, "YYYY-MM-DD". */
  today: string;
  /** A supporter fills in the form for a resident: e-mail or phone of the resident. */
  onBehalf: boolean;
};

const PHONE = /^(?:\+31|0031|0)[1-9]\d{8}$/;

/** Accepts "2027-03-14" (date field) and "14-03-2027" or "14/3/2027" (typed), returns "YYYY-MM-DD". */
export function normaliseDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : nl ? [nl[3], nl[2], nl[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

function addYears(isoDate: string, years: number): string {
  return `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;
}

function text(t: Translate, required: MessageKey, max: number, tooLong: MessageKey) {
  return plainTextField(t, { required, tooLong }, max);
}

export function applicationSchema(ctx: ApplicationFormContext) {
  const { t } = ctx;
  const areaIds = ctx.areas.map((a) => a.id);
  const areaNames = ctx.areas.map((a) => a.name).join(", ");
  const email = emailField(t);
  const costLine = z.object({
    description: optionalPlainTextField(t, "form.error.titleTooLong", LIMITS.costDescription),
    amount: z.string().trim().max(40).optional(),
  });

  return z
    .object({
      submissionKey: z.string().min(8).max(100),
      name: text(t, "form.error.nameRequired", LIMITS.name, "form.error.nameTooLong"),
      email: ctx.onBehalf ? email.optional() : email,
      phone: ctx.onBehalf
        ? z
            .string()
            .trim()
            .max(30, t("form.error.phoneInvalid"))
            .refine((v) => PHONE.test(v.replace(/[\s-]/g, "")), t("form.error.phoneInvalid"))
            .optional()
        : z.undefined().optional().catch(undefined),
      areaId: z.string({ error: t("form.error.areaRequired") }).refine((id) => areaIds.includes(id), t("form.error.areaUnknown", { areas: areaNames })),
      title: text(t, "form.error.titleRequired", LIMITS.title, "form.error.titleTooLong"),
      description: z
        .string({ error: t("form.error.descriptionRequired") })
        .trim()
        .min(LIMITS.descriptionMin, t("form.error.descriptionTooShort", { min: LIMITS.descriptionMin }))
        .superRefine((v, c) => {
          if (v.length > LIMITS.description)
            c.addIssue({ code: "custom", message: t("form.error.descriptionTooLong", { max: LIMITS.description, count: v.length }) });
        })
        .refine((v) => !hasMarkup(v), t("form.error.noHtml")),
      factorIds: z
        .array(
          z.string().refine((id) => ctx.factorIds.includes(id), t("form.error.factorUnknown")),
          { error: t("form.error.factorsRequired") },
        )
        .min(1, t("form.error.factorsRequired"))
        .max(ctx.factorIds.length, t("form.error.factorUnknown"))
        .transform((ids) => [...new Set(ids)]),
      activityDate: z
        .string({ error: t("form.error.dateRequired") })
        .trim()
        .transform((v, c) => {
          const date = normaliseDate(v);
          if (!date) c.addIssue({ code: "custom", message: t("form.error.dateInvalid") });
          else if (date < ctx.today) c.addIssue({ code: "custom", message: t("form.error.datePast") });
          else if (date > addYears(ctx.today, 2)) c.addIssue({ code: "custom", message: t("form.error.dateTooFar") });
          return date ?? "";
        }),
      participants: z
        .string({ error: t("form.error.participantsRequired") })
        .trim()
        .regex(/^\d{1,9}$/, t("form.error.participantsInvalid"))
        .transform(Number)
        .refine((n) => n >= 1 && n <= LIMITS.participants, t("form.error.participantsRange", { max: LIMITS.participants })),
      amount: amountField(ctx),
      costLines: z
        .array(costLine)
        .max(LIMITS.costLines, t("form.error.tooManyCostLines", { max: LIMITS.costLines }))
        .optional(),
      publicConsent: z.enum(["yes", "no"], { error: t("form.error.consentRequired") }),
      ...outreachFields(t),
    })
    .superRefine((data, c) => {
      if (ctx.onBehalf && !data.email && !data.phone) {
        c.addIssue({ code: "custom", path: ["email"], message: t("form.error.contactRequired") });
      }
      let total = 0;
      let complete = true;
      (data.costLines ?? []).forEach((line, i) => {
        if (!line.description && !line.amount) return;
        if (!line.description) c.addIssue({ code: "custom", path: ["costLines", i, "description"], message: t("form.error.costDescriptionRequired") });
        const message = line.amount ? amountMessage(ctx, line.amount) : t("form.error.costAmountRequired");
        if (message) {
          complete = false;
          c.addIssue({ code: "custom", path: ["costLines", i, "amount"], message });
        } else total += (parseAmount(line.amount!) as { cents: number }).cents;
      });
      if (complete && total > 0 && data.amount > 0 && total !== data.amount) {
        c.addIssue({
          code: "custom",
          path: ["costLines"],
          message: t("form.error.costsDontAddUp", { total: formatCents(total, ctx.locale), requested: formatCents(data.amount, ctx.locale) }),
        });
      }
    })
    .transform((data) => ({
      ...data,
      email: data.email || null,
      phone: data.phone ? data.phone.replace(/[\s-]/g, "") : null,
      requestedCents: data.amount,
      costLines: (data.costLines ?? [])
        .filter((l) => l.description || l.amount)
        .map((l) => ({ description: l.description ?? "", cents: (parseAmount(l.amount ?? "") as { cents: number }).cents })),
      publicConsent: data.publicConsent === "yes",
      foundViaOther: data.foundVia === "other" ? data.foundViaOther || null : null,
    }));
}

type ParsedApplication = z.output<ReturnType<typeof applicationSchema>>;
type Outreach = "helpWanted" | "foundVia" | "foundViaOther";
/** The parsed form; the two optional questions may be left out by callers that build one (seed, bench). */
export type ApplicationInput = Omit<ParsedApplication, Outreach> & Partial<Pick<ParsedApplication, Outreach>>;

/**
 * Saving a draft needs only a valid e-mail address to send the link to. Of the rest, only the
 * form's own fields are kept, each within the form's size limits (typed text that is too long
 * gets the form's message; anything else out of bounds is dropped), so a draft stays small.
 */
export function draftSchema(ctx: Pick<ApplicationFormContext, "t" | "factorIds">) {
  const { t } = ctx;
  const typed = (max: number, tooLong: MessageKey) => z.string().trim().max(max, t(tooLong, { max })).optional();
  const picked = (max: number) => z.string().trim().max(max).optional().catch(undefined);
  return z.object({
    email: emailField(t),
    name: typed(LIMITS.name, "form.error.nameTooLong"),
    phone: picked(30),
    areaId: picked(100),
    title: typed(LIMITS.title, "form.error.titleTooLong"),
    description: z
      .string()
      .trim()
      .superRefine((v, c) => {
        if (v.length > LIMITS.description)
          c.addIssue({ code: "custom", message: t("form.error.descriptionTooLong", { max: LIMITS.description, count: v.length }) });
      })
      .optional(),
    activityDate: picked(40),
    participants: picked(20),
    amount: picked(40),
    factorIds: z
      .array(z.string())
      .catch([])
      .transform((ids) => [...new Set(ids.filter((id) => ctx.factorIds.includes(id)))])
      .optional(),
    costLines: z
      .array(z.object({ description: typed(LIMITS.costDescription, "form.error.titleTooLong"), amount: picked(40) }))
      .max(LIMITS.costLines, t("form.error.tooManyCostLines", { max: LIMITS.costLines }))
      .optional(),
    publicConsent: z.enum(["yes", "no"]).optional().catch(undefined),
    helpWanted: z
      .array(z.string())
      .catch([])
      .transform((kinds) => HELP_KINDS.filter((k) => kinds.includes(k)))
      .optional(),
    foundVia: z.enum(FOUND_VIA).optional().catch(undefined),
    foundViaOther: typed(LIMITS.foundViaOther, "form.error.foundViaOtherTooLong"),
  });
}

export type DraftInput = z.output<ReturnType<typeof draftSchema>>;

/**
 * A field people never see or reach (off-screen, aria-hidden, out of the tab order) that form-filling
 * robots do fill in. A post with it filled in is answered like a success and stored nowhere.
 */
export const HONEYPOT_FIELD = "website";

export function honeypotFilled(form: FormData): boolean {
  const value = form.get(HONEYPOT_FIELD);
  return typeof value === "string" && value.trim() !== "";
}
