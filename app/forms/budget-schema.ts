// The fund administrator's forms on the budget pages (/beheer/geld): create a pot, extend a pot's
// end (a granted uitstelverzoek), register a contribution in kind. One schema per intent, built
// from the shared fields; shared by the server and the browser (conform + zod).
import { z } from "zod";
import { MAX_PARSABLE_CENTS } from "~/domain/money";
import type { Locale, Translate } from "~/i18n/translate";
import { normaliseDate } from "./application-schema";
import { amountField, plainTextField, reasonField } from "./fields";

export const POT_NAME_MAX = 120;
export const IN_KIND_DESCRIPTION_MAX = 500;

type Ctx = { t: Translate; locale: Locale };

const dateField = (t: Translate) =>
  z
    .string({ error: t("budget.error.dateRequired") })
    .trim()
    .min(1, t("budget.error.dateRequired"))
    .max(20, t("budget.error.dateInvalid"))
    .transform((v, c) => {
      const date = normaliseDate(v);
      if (date === null) c.addIssue({ code: "custom", message: t("budget.error.dateInvalid") });
      return date ?? "";
    });

const idField = (t: Translate) =>
  z
    .string({ error: t("budget.error.funderRequired") })
    .trim()
    .min(1, t("budget.error.funderRequired"))
    .max(100, t("budget.error.funderRequired"));

/** Start and end of a period: the end not before the start, the error beside the end. */
const period = <T extends { periodStart: string; periodEnd: string }>(t: Translate) =>
  ((v: T, c: z.RefinementCtx) => {
    if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart)
      c.addIssue({ code: "custom", path: ["periodEnd"], message: t("budget.error.endBeforeStart") });
  }) as (v: T, c: z.RefinementCtx) => void;

/** An amount of the fund's own money: the shared field, with words that do not speak of "asking". */
const euros = ({ t, locale }: Ctx) => z.string({ error: t("budget.error.amountRequired") }).pipe(amountField({ t, locale, maxCents: MAX_PARSABLE_CENTS }));

const ids = z.array(z.string().max(64)).max(50).default([]);

export const createPotSchema = ({ t, locale }: Ctx) =>
  z
    .object({
      potId: z.string().uuid(t("budget.error.stale")),
      funderId: idField(t),
      name: plainTextField(t, { required: "budget.error.nameRequired", tooLong: "budget.error.nameTooLong" }, POT_NAME_MAX),
      periodStart: dateField(t),
      periodEnd: dateField(t),
      budget: euros({ t, locale }),
      areaIds: ids,
      factorIds: ids,
      // Empty means "no cap": only a typed amount is checked.
      maxPerGrant: z
        .string()
        .max(40)
        .optional()
        .transform((v) => (v === undefined || v.trim() === "" ? undefined : v))
        .pipe(amountField({ t, locale, maxCents: MAX_PARSABLE_CENTS }).optional()),
    })
    .superRefine(period(t));

export const extendEndSchema = (t: Translate) =>
  z.object({
    newEnd: dateField(t),
    reason: reasonField(t),
  });

export const inKindSchema = ({ t, locale }: Ctx) =>
  z
    .object({
      funderId: idField(t),
      periodStart: dateField(t),
      periodEnd: dateField(t),
      description: plainTextField(t, { required: "budget.error.descriptionRequired", tooLong: "budget.error.descriptionTooLong" }, IN_KIND_DESCRIPTION_MAX),
      value: euros({ t, locale }),
    })
    .superRefine(period(t));
