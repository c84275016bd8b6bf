// The conversation about an application: the bureau's question (ask_question: in_review →
// needs_info) and the applicant's answer (submit: needs_info → submitted, decision 010 restarts the
// answer clock). Both are lifecycle steps through the one write path; the message row, and with an
// answer the applicant's changes, are written in the step's own transaction (StepInput.alongside).
// Who may answer: decision 131.
import crypto from "node:crypto";
import type { DB, Tx } from "~/services/db.server";
import type { Refusal } from "~/domain/result";
import type { FundSettings } from "./lifecycle-context.server";
import { applyLifecycleAction, type StepDone, type StepInput, type StepResult } from "./lifecycle.server";
import { applyOwnerStep } from "./ownership.server";
import { currentApplicantFields, recordApplicantChanges, type ApplicantChanges } from "./applicant-changes.server";
import { listFactors } from "./reference.server";
import type { Locale } from "~/i18n/translate";
import type { ApplicationStatus } from "~/domain/lifecycle";
import type { User } from "./users.server";

export type MessageKind = "question" | "answer";

/** One message as both sides read it: no ids, only whether the bureau or the applicant wrote it. */
export type ConversationMessage = { kind: MessageKind; body: string; at: string };

async function writeMessage(trx: Tx, step: StepDone, kind: MessageKind, body: string): Promise<void> {
  await trx
    .insertInto("application_messages")
    .values({ id: crypto.randomUUID(), application_id: step.applicationId, kind, author_user_id: step.actor?.id ?? null, body: body.trim(), at: step.at })
    .execute();
}

/** The message row of an ask_question step (the step's reason carries the same text into the audit row). */
export function questionMessage(question: string): NonNullable<StepInput["alongside"]> {
  return (trx, step) => writeMessage(trx, step, "question", question);
}

/** The reviewer's question, as the bureau's page asks it (the seed and tests use this too). */
export function askQuestion(db: DB, applicationId: string, user: User, question: string, settings: FundSettings, now: Date): Promise<StepResult> {
  return applyLifecycleAction(db, applicationId, { type: "ask_question", question }, user, { settings, alongside: questionMessage(question) }, now);
}

/**
 * The applicant's answer, with their changes. A signed-in resident whose proven address is the
 * application's, while it is not linked to an account yet, is linked first (audited, models/
 * ownership): from then on the lifecycle's owner check knows them (decisions 131, 133). A refusal
 * writes nothing.
 */
export function answerQuestion(
  db: DB,
  applicationId: string,
  user: User,
  input: { answer: string; changes: ApplicantChanges },
  settings: FundSettings,
  now: Date,
): Promise<StepResult | Refusal<"not_found">> {
  return applyOwnerStep(
    db,
    applicationId,
    { type: "submit" },
    user,
    {
      settings,
      alongside: async (trx, step) => {
        await recordApplicantChanges(trx, step, input.changes);
        await writeMessage(trx, step, "answer", input.answer);
      },
    },
    now,
  );
}

/** The questions and answers, oldest first. */
export async function conversationOf(db: DB, reference: string): Promise<ConversationMessage[] | null> {
  const app = await db.selectFrom("applications").select("id").where("reference", "=", reference).executeTakeFirst();
  if (!app) return null;
  return db.selectFrom("application_messages").select(["kind", "body", "at"]).where("application_id", "=", app.id).orderBy("at").orderBy("id").execute();
}

/** What the answer form starts with: the application as it is now, and the factors to choose from. */
export type AnswerFormData = ApplicantChanges & { factors: { id: string; name: string }[]; maxCents: number; today: string };

/**
 * The resident's side of the conversation (their page): the messages, and while a question waits
 * for them the answer form's data. The route has checked that the application is theirs.
 */
export async function residentQuestionsView(
  db: DB,
  reference: string,
  status: ApplicationStatus,
  opts: { locale: Locale; maxCents: number; today: string },
): Promise<{ conversation: ConversationMessage[]; answerForm: AnswerFormData | null }> {
  const app = await db.selectFrom("applications").select("id").where("reference", "=", reference).executeTakeFirst();
  if (!app) return { conversation: [], answerForm: null };
  const conversation = (await conversationOf(db, reference)) ?? [];
  if (status !== "needs_info") return { conversation, answerForm: null };
  const [values, factors] = await Promise.all([currentApplicantFields(db, app.id), listFactors(db, opts.locale)]);
  return {
    conversation,
    answerForm: { ...values, factors: factors.map((f) => ({ id: f.id, name: f.name })), maxCents: opts.maxCents, today: opts.today },
  };
}
