// The bureau's forms on one application (/beheer/aanvragen/<reference>), one schema per intent,
// built from the shared fields. Shared by the server and the browser (conform + zod).
import { z } from "zod";
import { MAX_PARSABLE_CENTS } from "~/domain/money";
import { CONFLICT_KINDS, HELP_KINDS, JUDGEMENTS } from "~/domain/review";
import type { Locale, Translate } from "~/i18n/translate";
import { amountField, optionalPlainTextField, plainTextField, reasonField } from "./fields";

/** A motivation per factor is short; notes and conditions may be longer. */
export const MOTIVATION_MAX = 500;
export const NOTE_MAX = 2000;

const judgementField = (t: Translate) => z.enum(JUDGEMENTS, { error: t("review.judgement.required") });
const motivationField = (t: Translate) => plainTextField(t, { required: "review.motivation.required", tooLong: "review.motivation.tooLong" }, MOTIVATION_MAX);
/** Empty means "not written": null, not "". */
const optionalText = (t: Translate, tooLong: Parameters<typeof optionalPlainTextField>[1], max = NOTE_MAX) =>
  optionalPlainTextField(t, tooLong, max).transform((v) => (v ? v : null));

export const takeSchema = () => z.object({});

/** The reviewer is chosen from a list by address; nothing chosen has its own words. */
export const assignSchema = (t: Translate) =>
  z.object({
    assignee: z
      .string({ error: t("review.assign.required") })
      .trim()
      .min(1, t("review.assign.required"))
      .max(254, t("review.assign.required"))
      .transform((v) => v.toLowerCase()),
  });

export const conflictSchema = (t: Translate) =>
  z.object({
    kind: z.enum(CONFLICT_KINDS, { error: t("review.conflict.kindRequired") }),
    note: optionalText(t, "review.conflict.noteTooLong", 500),
  });

export const reviewSchema = (t: Translate) =>
  z
    .object({
      factors: z
        .array(z.object({ factorId: z.string().max(64), judgement: judgementField(t), motivation: motivationField(t) }))
        .max(20)
        .default([]),
      // One factor the resident did not name may be added per save; those added before are in `factors`.
      addFactor: z.string().max(64).optional(),
      addJudgement: z.enum(JUDGEMENTS).optional(),
      addMotivation: z.string().optional(),
      note: optionalText(t, "review.note.tooLong"),
    })
    .superRefine((v, ctx) => {
      if (!v.addFactor) return;
      if (!v.addJudgement) ctx.addIssue({ code: "custom", path: ["addJudgement"], message: t("review.judgement.required") });
      const motivation = motivationField(t).safeParse(v.addMotivation ?? "");
      if (!motivation.success) ctx.addIssue({ code: "custom", path: ["addMotivation"], message: motivation.error.issues[0]!.message });
    })
    .transform((v) => ({
      judgements: [
        ...v.factors,
        ...(v.addFactor && v.addJudgement ? [{ factorId: v.addFactor, judgement: v.addJudgement, motivation: (v.addMotivation ?? "").trim() }] : []),
      ],
      note: v.note,
    }));

/** The granted amount is parsed as any amount; the domain says whether it is above what was asked. */
export const approveSchema = (t: Translate, locale: Locale) =>
  z.object({
    amount: amountField({ t, locale, maxCents: MAX_PARSABLE_CENTS }),
    conditions: optionalText(t, "forms.error.reasonTooLong"),
    help: z.array(z.enum(HELP_KINDS)).max(HELP_KINDS.length).default([]),
    overrideReason: optionalText(t, "forms.error.reasonTooLong"),
  });

export const declineSchema = (t: Translate) =>
  z.object({
    reason: reasonField(t),
    alternatives: plainTextField(t, { required: "review.decline.alternativesRequired", tooLong: "review.decline.alternativesTooLong" }, NOTE_MAX),
  });

export const confirmSchema = (t: Translate) => z.object({ overrideReason: optionalText(t, "forms.error.reasonTooLong") });

/** Send back and cancel: a written reason. */
export const reasonSchema = (t: Translate) => z.object({ reason: reasonField(t) });
