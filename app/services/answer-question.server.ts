// The resident's answer to the bureau's question, posted on /mijn-aanvragen/<reference> (intent
// "answer"): only the applicant or the supporter who sent it, signed in (decision 131); anyone else
// gets 403 and nothing is written. A refusal from the domain comes back beside the answer field.
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { User } from "~/models/users.server";
import { ownApplicationView } from "~/models/application-views.server";
import { applicationIdOf } from "~/models/lifecycle.server";
import { answerQuestion, residentQuestionsView } from "~/models/questions.server";
import { can } from "~/domain/permissions";
import { answerSchema } from "~/forms/question-schema";
import { LIFECYCLE_WORDS, lifecycleParams, replyWithRefusal, type RefusalWords } from "~/forms/refusal";
import { actorOf } from "./auth.server";
import type { DB } from "./db.server";
import { config } from "./config.server";
import { amsterdamDate, now } from "./clock.server";
import { kickMailWorker } from "./mail.server";
import { redirectWithNotice } from "./notice.server";
import type { Locale, Translate } from "~/i18n/translate";

/** The signed-in user's own application (by id, by the supporter who sent it, or by their proven address), or null. */
export async function ownApplication(db: DB, reference: string, locale: Locale, user: User | null) {
  if (!user) return null;
  const found = await ownApplicationView(db, reference, locale, user);
  if (!found || !can(actorOf(user), "application.view_own", { ownerUserIds: found.ownerUserIds }).allowed) return null;
  return found.application;
}

/** The resident page's questions, answers and (while a question waits) the answer form. */
export function residentQuestions(db: DB, reference: string, status: Parameters<typeof residentQuestionsView>[2], locale: Locale) {
  return residentQuestionsView(db, reference, status, { locale, maxCents: config().fundMaxCents, today: amsterdamDate(now()) });
}

export async function answerIntent(request: Request, form: FormData, ctx: { db: DB; reference: string; user: User | null; t: Translate; locale: Locale }) {
  const { db, reference, user, t, locale } = ctx;
  const application = await ownApplication(db, reference, locale, user);
  const id = application ? await applicationIdOf(db, reference) : null;
  if (!user || !application || !id) throw new Response("Forbidden", { status: 403 });
  const view = await residentQuestionsView(db, reference, "needs_info", { locale, maxCents: config().fundMaxCents, today: amsterdamDate(now()) });
  const submission = parseWithZod(form, {
    schema: answerSchema({
      t,
      locale,
      factorIds: view.answerForm!.factors.map((f) => f.id),
      maxCents: config().fundMaxCents,
      today: amsterdamDate(now()),
      currentActivityDate: view.answerForm!.activityDate,
    }),
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await answerQuestion(db, id, user, submission.value, config(), now());
  if (!result.ok) {
    // A second answer (another tab, a double click without JavaScript) finds the question answered.
    const answered = result.reason === "not_allowed_in_status" && result.status !== "needs_info";
    const params = result.reason === "not_found" ? {} : lifecycleParams(result, t, locale);
    const words: RefusalWords<typeof result.reason> = {
      ...LIFECYCLE_WORDS,
      not_found: "error.notFound.title",
      ...(answered ? { not_allowed_in_status: { key: "answer.refusal.already_answered", field: "answer" } } : {}),
    };
    return data({ result: replyWithRefusal(submission, result, { words, t, params }) }, { status: 409 });
  }
  kickMailWorker();
  return redirectWithNotice(request, `/mijn-aanvragen/${reference}`, "answer.done");
}
