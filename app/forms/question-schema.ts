// The question to the applicant (bureau) and the applicant's answer with their changes (resident).
// The answer form checks the changed fields with the application form's own rules
// (application-schema.ts): the fields it does not show get fixed stand-ins that always pass.
import { z } from "zod";
import type { Translate } from "~/i18n/translate";
import { applicationSchema, type ApplicationFormContext } from "./application-schema";
import { plainTextField } from "./fields";

export const QUESTION_MAX = 2000;
export const ANSWER_MAX = 4000;

export const questionSchema = (t: Translate) =>
  z.object({ question: plainTextField(t, { required: "question.required", tooLong: "question.tooLong" }, QUESTION_MAX) });

const STAND_IN_AREA = "stand-in";
/** Not on the answer form: valid values, thrown away after the check. */
const STAND_INS = { submissionKey: "answer-form", name: "-", email: "stand-in@example.org", areaId: STAND_IN_AREA, participants: "1", publicConsent: "yes" };

export type AnswerFormContext = Pick<ApplicationFormContext, "t" | "locale" | "factorIds" | "maxCents" | "today"> & {
  /** The activity date as it is: keeping a date that has passed meanwhile is not a new mistake. */
  currentActivityDate: string;
};

/** What conform does for a schema it can see into: empty text is "not given", one checked box is a list of one. */
function asFormValues(raw: Record<string, unknown>): Record<string, unknown> {
  const empty = (v: unknown): unknown =>
    v === ""
      ? undefined
      : Array.isArray(v)
        ? v.map(empty)
        : v && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, empty(x)]))
          : v;
  const values = empty(raw) as Record<string, unknown>;
  const factorIds = values.factorIds;
  return { ...values, factorIds: factorIds === undefined || Array.isArray(factorIds) ? factorIds : [factorIds] };
}

export function answerSchema(ctx: AnswerFormContext) {
  const { t } = ctx;
  const application = applicationSchema({
    ...ctx,
    today: ctx.currentActivityDate < ctx.today ? ctx.currentActivityDate : ctx.today,
    areas: [{ id: STAND_IN_AREA, name: "" }],
    onBehalf: false,
  });
  const answer = plainTextField(t, { required: "answer.required", tooLong: "answer.tooLong" }, ANSWER_MAX);
  return z.looseObject({ answer: z.unknown() }).transform((given, c) => {
    const raw = asFormValues(given);
    const parsedAnswer = answer.safeParse(raw.answer);
    const parsedApplication = application.safeParse({ ...raw, ...STAND_INS });
    const issues = [
      ...(parsedAnswer.success ? [] : parsedAnswer.error.issues.map((i) => ({ ...i, path: ["answer", ...i.path] }))),
      ...(parsedApplication.success ? [] : parsedApplication.error.issues),
    ];
    for (const issue of issues) c.addIssue({ code: "custom", path: issue.path, message: issue.message });
    if (!parsedAnswer.success || !parsedApplication.success) return z.NEVER;
    const v = parsedApplication.data;
    return {
      answer: parsedAnswer.data,
      changes: {
        title: v.title,
        description: v.description,
        requestedCents: v.requestedCents,
        factorIds: v.factorIds,
        costLines: v.costLines,
        activityDate: v.activityDate,
      },
    };
  });
}
