// The resident withdraws their application from their own page (intent "withdraw"): someone
// else's application is 404, like the page itself; the step goes through the one write path,
// linked to the resident's account first when they applied without one (models/ownership).
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { getDb } from "./db.server";
import { actorOf } from "./auth.server";
import { getTranslator } from "./locale.server";
import { config } from "./config.server";
import { now } from "./clock.server";
import { kickMailWorker } from "./mail.server";
import { redirectWithNotice } from "./notice.server";
import { ownApplicationView } from "~/models/application-views.server";
import { applicationIdOf } from "~/models/lifecycle.server";
import { applyOwnerStep } from "~/models/ownership.server";
import type { User } from "~/models/users.server";
import { can } from "~/domain/permissions";
import { LIFECYCLE_WORDS, lifecycleParams, replyWithRefusal, type RefusalWords } from "~/forms/refusal";
import { withdrawSchema } from "~/forms/withdraw-schema";
import type { LifecycleRefusalReason } from "~/domain/lifecycle";
import type { MoneyRefusalReason } from "~/models/ledger-effects.server";

/** A refusal in the resident's words; "not allowed in this status" here means a decision was taken. */
const WITHDRAW_WORDS: RefusalWords<LifecycleRefusalReason | MoneyRefusalReason | "not_found"> = {
  ...LIFECYCLE_WORDS,
  not_allowed_in_status: "resident.withdraw.refusal.decided",
  not_found: "error.notFound.title",
};

export async function withdrawIntent(request: Request, form: FormData, user: User, reference: string) {
  const db = await getDb();
  const { t, locale } = await getTranslator(request);
  const found = await ownApplicationView(db, reference, locale, user);
  const id = found ? await applicationIdOf(db, reference) : null;
  if (!found || !id || !can(actorOf(user), "application.view_own", { ownerUserIds: found.ownerUserIds }).allowed) {
    throw new Response("Not Found", { status: 404 });
  }
  const submission = parseWithZod(form, { schema: withdrawSchema(t) });
  if (submission.status !== "success") return data({ intent: "withdraw" as const, result: submission.reply() }, { status: 400 });
  const step = await applyOwnerStep(db, id, { type: "withdraw", reason: submission.value.reason }, user, { settings: config() }, now());
  if (!step.ok) {
    const params = step.reason === "not_found" ? {} : lifecycleParams(step, t, locale);
    return data({ intent: "withdraw" as const, result: replyWithRefusal(submission, step, { words: WITHDRAW_WORDS, t, params }) }, { status: 409 });
  }
  kickMailWorker();
  return redirectWithNotice(request, `/mijn-aanvragen/${reference}`, "resident.withdraw.done");
}
