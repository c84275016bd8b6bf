// One application as the bureau sees it and works on it: all facts, contact details, who handles
// it, the review per protective factor, the decision, and the history in readable Dutch. Every
// opening is written to the audit log (personal_data.viewed). A bureau member who declared a
// conflict of interest gets a 403 page that says why, before any personal data is read (the
// bureau layout's error page shows it: components/conflict-message.tsx).
// Every form posts here with its own intent (services/intent.server.ts); status steps go through
// applyLifecycleAction, the other work through models/review.server.ts; a "no" from the domain
// comes back beside its field in the catalogue's words.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ZodType } from "zod";
import { getDb, type DB } from "~/services/db.server";
import { actorOf, getUser, requirePermission } from "~/services/auth.server";
import { getLocale, getTranslator } from "~/services/locale.server";
import { config } from "~/services/config.server";
import { now } from "~/services/clock.server";
import { readForm } from "~/services/form.server";
import { dispatchIntent } from "~/services/intent.server";
import { redirectWithNotice } from "~/services/notice.server";
import { kickMailWorker } from "~/services/mail.server";
import { openApplicationForStaff, type HistoryEntry } from "~/models/application-views.server";
import { applicationIdOf, applyLifecycleAction, type StepInput, type StepResult } from "~/models/lifecycle.server";
import { assignApplication, conflictOfUser, declareConflict, saveReview, type WorkResult } from "~/models/review.server";
import { proposedSplitView } from "~/models/split-views.server";
import { bureauWorkView } from "~/models/review-views.server";
import type { User } from "~/models/users.server";
import type { DecisionDetails } from "~/models/decisions.server";
import { can } from "~/domain/permissions";
import type { LifecycleAction } from "~/domain/lifecycle";
import { LIFECYCLE_WORDS, lifecycleParams, replyWithRefusal, type RefusalWords } from "~/forms/refusal";
import { approveSchema, assignSchema, confirmSchema, conflictSchema, declineSchema, reasonSchema, reviewSchema, takeSchema } from "~/forms/review-schema";
import { ApplicationDetails } from "~/components/application-details";
import { DecisionSummary } from "~/components/decision-summary";
import {
  ApproveForm,
  AssignForm,
  CancelForm,
  ConflictForm,
  DeclineForm,
  ReviewForm,
  SecondReviewForms,
  TakeForm,
  type ReviewActionData,
  type ReviewIntent,
} from "~/components/review-forms";
import { formatDateTime } from "~/components/format";
import { QuestionForm } from "~/components/question-form";
import { Conversation } from "~/components/conversation";
import { applicantChangesText } from "~/components/applicant-changes";
import { conversationOf, questionMessage } from "~/models/questions.server";
import { questionSchema } from "~/forms/question-schema";
import { useLocale, useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/catalogue";
import type { Translate, Locale } from "~/i18n/translate";
import { pageTitle } from "~/i18n/meta";
import { CRUMBS, type BureauHandle } from "~/components/bureau-frame";

export const meta = pageTitle("bureau.title");
export const handle: BureauHandle = {
  crumbs: (params) => [CRUMBS.applications, { to: `/beheer/aanvragen/${params.reference ?? ""}`, text: params.reference ?? "" }],
};

/** A declared conflict closes the file: 403 with the reason, before anything personal is read. */
async function refuseWhenConflicted(db: DB, reference: string, user: User): Promise<void> {
  const conflict = await conflictOfUser(db, reference, user.id);
  // A JSON body: the error page reads the kind from it (isRouteErrorResponse gives it as data).
  if (conflict)
    throw new Response(JSON.stringify({ conflict: conflict.kind }), { status: 403, headers: { "Content-Type": "application/json; charset=utf-8" } });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "application.view_any");
  const db = await getDb();
  const reference = params.reference ?? "";
  await refuseWhenConflicted(db, reference, user);
  const locale = await getLocale(request);
  // Opening this page shows the resident's contact data, so the model writes who looked and when.
  const found = await openApplicationForStaff(db, reference, locale, { user, now: now() });
  if (!found) throw new Response("Not Found", { status: 404 });
  const work = await bureauWorkView(db, reference, user, config(), locale, now());
  if (!work) throw new Response("Not Found", { status: 404 });
  const conversation = (await conversationOf(db, reference)) ?? [];
  // The approve form shows where the requested amount's money would come from, the confirm form
  // where the approved amount's would (issue 16): the confirmation books it.
  const confirming = work.available.includes("confirm") && work.decision?.kind === "approved" ? work.decision.grantedCents : null;
  const cents = work.available.includes("approve") ? work.requestedCents : confirming;
  const split = cents !== null ? await proposedSplitView(db, (await applicationIdOf(db, reference))!, cents, config(), locale, now()) : null;
  return { ...found, work, conversation, split, mayAssign: work.reviewers !== null, mayDecide: can(actorOf(user), "application.decide").allowed };
}

/** The words of a status step's refusal; a decision that comes too late says "al besloten". */
function stepWords(result: Exclude<StepResult, { ok: true }>, action: LifecycleAction["type"]): RefusalWords<Exclude<StepResult, { ok: true }>["reason"]> {
  const late = result.reason === "not_allowed_in_status" && ["approve", "decline", "confirm", "send_back"].includes(action) && result.status !== "in_review";
  return {
    ...LIFECYCLE_WORDS,
    not_found: "error.notFound.title",
    ...(late ? { not_allowed_in_status: "review.refusal.already_decided" } : {}),
    ...(action === "ask_question" ? { reason_required: { key: "question.required", field: "question" } } : {}),
    // Only the approve form has an amount field; elsewhere the money's words go to the summary.
    ...(action === "approve" ? {} : { money_short: "money.step.short", no_pot_fits: "money.step.noPot", exceeds_outstanding: "money.step.exceedsOutstanding" }),
  };
}

const WORK_WORDS: RefusalWords<Exclude<WorkResult, { ok: true }>["reason"]> = {
  not_allowed_in_status: "lifecycle.refusal.not_allowed_in_status",
  not_signed_in: "lifecycle.refusal.not_signed_in",
  role_not_allowed: "lifecycle.refusal.role_not_allowed",
  conflict_of_interest: "lifecycle.refusal.conflict_of_interest",
  conflict_already_declared: "review.refusal.conflict_already_declared",
  assignee_not_reviewer: { key: "review.refusal.assignee_not_reviewer", field: "assignee" },
  assignee_conflict: { key: "review.refusal.assignee_conflict", field: "assignee" },
  factor_not_judged: "review.refusal.factor_not_judged",
  factor_judged_twice: { key: "review.refusal.factor_judged_twice", field: "addFactor" },
  unknown_factor: { key: "review.refusal.unknown_factor", field: "addFactor" },
  not_found: "error.notFound.title",
};

export async function action({ request, params }: ActionFunctionArgs) {
  // A post from someone outside the bureau is 403, also when not signed in: nothing to sign in for here.
  const user = await getUser(request);
  if (!user || !can(actorOf(user), "application.view_any").allowed) throw new Response("Forbidden", { status: 403 });
  const db = await getDb();
  const reference = params.reference ?? "";
  const id = await applicationIdOf(db, reference);
  if (!id) throw new Response("Not Found", { status: 404 });
  await refuseWhenConflicted(db, reference, user);
  const form = await readForm(request, 64 * 1024);
  const { t, locale } = await getTranslator(request);
  const page = `/beheer/aanvragen/${reference}`;

  type Repliable = Parameters<typeof replyWithRefusal>[0];
  type Parsed<T> = { submission: Repliable; value: T } | { response: ReturnType<typeof data> };
  function parse<T>(intent: ReviewIntent, form: FormData, schema: ZodType<T>): Parsed<T> {
    const submission = parseWithZod(form, { schema: schema as ZodType<T, Record<string, unknown>> });
    if (submission.status !== "success") return { response: data({ intent, result: submission.reply() }, { status: 400 }) };
    return { submission, value: submission.value as T };
  }

  async function step<T>(
    intent: ReviewIntent,
    form: FormData,
    schema: ZodType<T>,
    toAction: (value: T) => LifecycleAction,
    notice: (status: string) => MessageKey,
    details?: (value: T) => DecisionDetails,
    alongside?: (value: T) => StepInput["alongside"],
  ) {
    const parsed = parse(intent, form, schema);
    if ("response" in parsed) return parsed.response;
    const lifecycleAction = toAction(parsed.value);
    const result = await applyLifecycleAction(
      db,
      id!,
      lifecycleAction,
      user,
      { settings: config(), details: details?.(parsed.value), alongside: alongside?.(parsed.value) },
      now(),
    );
    if (!result.ok) {
      const params = result.reason === "not_found" ? {} : lifecycleParams(result, t, locale);
      const reply = replyWithRefusal(parsed.submission, result, { words: stepWords(result, lifecycleAction.type), t, params });
      return data({ intent, result: reply }, { status: 409 });
    }
    kickMailWorker();
    return redirectWithNotice(request, page, notice(result.status));
  }

  async function work<T>(intent: ReviewIntent, form: FormData, schema: ZodType<T>, run: (value: T) => Promise<WorkResult>, notice: MessageKey, to = page) {
    const parsed = parse(intent, form, schema);
    if ("response" in parsed) return parsed.response;
    const result = await run(parsed.value);
    if (!result.ok) {
      const params: Record<string, string> = result.reason === "not_allowed_in_status" ? { status: t(`lifecycle.status.${result.status}`) } : {};
      return data({ intent, result: replyWithRefusal(parsed.submission, result, { words: WORK_WORDS, t, params }) }, { status: 409 });
    }
    return redirectWithNotice(request, to, notice);
  }

  return dispatchIntent(form, {
    take: (form) =>
      step(
        "take",
        form,
        takeSchema(),
        () => ({ type: "take" }),
        () => "review.taken",
      ),
    ask_question: (form) =>
      step(
        "ask_question",
        form,
        questionSchema(t),
        (v) => ({ type: "ask_question", question: v.question }),
        () => "question.done",
        undefined,
        (v) => questionMessage(v.question),
      ),
    assign: (form) => work("assign", form, assignSchema(t), (v) => assignApplication(db, id, user, v.assignee, now()), "review.assign.done"),
    // Afterwards the page is closed to them: back to the list.
    conflict: (form) => work("conflict", form, conflictSchema(t), (v) => declareConflict(db, id, user, v, now()), "review.conflict.done", "/beheer/aanvragen"),
    review: (form) => work("review", form, reviewSchema(t), (v) => saveReview(db, id, user, v, now()), "review.saved"),
    approve: (form) =>
      step(
        "approve",
        form,
        approveSchema(t, locale),
        (v) => ({ type: "approve", grantedCents: v.amount, overrideReason: v.overrideReason ?? undefined }),
        (status) => (status === "awaiting_second_review" ? "review.approve.waiting" : "review.approve.done"),
        (v) => ({ conditions: v.conditions, help: v.help }),
      ),
    decline: (form) =>
      step(
        "decline",
        form,
        declineSchema(t),
        (v) => ({ type: "decline", reason: v.reason }),
        () => "review.decline.done",
        (v) => ({ alternatives: v.alternatives }),
      ),
    confirm: (form) =>
      step(
        "confirm",
        form,
        confirmSchema(t),
        (v) => ({ type: "confirm", overrideReason: v.overrideReason ?? undefined }),
        () => "review.confirm.done",
      ),
    send_back: (form) =>
      step(
        "send_back",
        form,
        reasonSchema(t),
        (v) => ({ type: "send_back", reason: v.reason }),
        () => "review.sendBack.done",
      ),
    cancel: (form) =>
      step(
        "cancel",
        form,
        reasonSchema(t),
        (v) => ({ type: "cancel", reason: v.reason }),
        () => "review.cancel.done",
      ),
  });
}

// Audit actions and the anonymous/system actors have words in the catalogue; unknown ones show as stored.
function auditLabel(t: Translate, action: string): string {
  const key = `audit.action.${action}` as MessageKey;
  const text = t(key);
  return text === key ? action : text;
}

function actorLabel(t: Translate, actor: string): string {
  return actor === "anonymous" || actor === "system" ? t(`audit.actor.${actor}`) : actor;
}

function HistoryLine({ entry: h, t, locale }: { entry: HistoryEntry; t: Translate; locale: Locale }) {
  const details = [
    h.assignedTo ? h.assignedTo : null,
    h.conflictKind ? t(`review.conflict.kind.${h.conflictKind}`) : null,
    h.reason ? t("review.history.reason", { reason: h.reason }) : null,
    h.note ? t("review.history.note", { note: h.note }) : null,
    h.override
      ? t("review.history.override", { rules: h.override.rules.map((r) => t(`lifecycle.override.${r}` as MessageKey)).join(", "), reason: h.override.reason })
      : null,
    h.changed ? applicantChangesText(t, locale, h.changed) : null,
  ].filter((d): d is string => d !== null);
  return (
    <li>
      {formatDateTime(h.at, locale)}: {t("bureau.history.entry", { action: auditLabel(t, h.action), actor: actorLabel(t, h.actor) })}
      {details.length > 0 ? <span className="history-detail">{details.join(" · ")}</span> : null}
    </li>
  );
}

const JUDGEMENT_WORDS = {
  strong: "review.judgement.strong",
  sufficient: "review.judgement.sufficient",
  insufficient: "review.judgement.insufficient",
} as const;

export default function BureauApplication() {
  const t = useT();
  const locale = useLocale();
  const { application, history, work, conversation, split, mayAssign, mayDecide } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ReviewActionData;
  const status = application.status;
  const judged = work.factors.filter((f) => f.judgement !== null);
  return (
    <div className="bureau-application">
      <p>
        <Link to="/beheer/aanvragen">{t("bureau.back")}</Link>
      </p>
      <h1>{application.title}</h1>
      <p className="meta">
        {application.reference} · <span className="status-badge">{t(`lifecycle.status.${status}` as MessageKey)}</span>
      </p>

      <section aria-labelledby="handling-title">
        <h2 id="handling-title">{t("review.handling")}</h2>
        <p>
          {t("review.assignedTo")}: <strong>{work.assignedName ?? t("review.nobody")}</strong>
        </p>
        {work.available.includes("take") || actionData?.intent === "take" ? <TakeForm actionData={actionData} /> : null}
        {mayAssign && ["submitted", "in_review", "needs_info", "awaiting_second_review"].includes(status) ? (
          <AssignForm work={work} actionData={actionData} />
        ) : null}
      </section>

      {/* While a second reviewer still has to look, the approval is shown with their forms instead. */}
      {status === "awaiting_second_review" ? null : <DecisionSummary decision={work.decision} heading="review.decision.asResident" />}
      <ApplicationDetails application={application} />

      <section aria-labelledby="review-title">
        <h2 id="review-title">{t("review.judgements")}</h2>
        {judged.length === 0 ? (
          <p>{t("review.judgements.none")}</p>
        ) : (
          <dl className="details">
            {judged.map((f) => (
              <div key={f.id} className="contents">
                <dt>
                  {f.name}
                  {f.declared ? null : <span className="field-optional"> ({t("review.addedByBureau")})</span>}
                </dt>
                <dd>
                  <strong>{t(JUDGEMENT_WORDS[f.judgement!])}</strong>: {f.motivation}{" "}
                  <span className="meta">({t("review.by", { name: f.reviewerName ?? "" })})</span>
                </dd>
              </div>
            ))}
            {work.note ? (
              <div className="contents">
                <dt>{t("review.note")}</dt>
                <dd>{work.note}</dd>
              </div>
            ) : null}
          </dl>
        )}
        {status === "in_review" ? <ReviewForm work={work} actionData={actionData} /> : null}
      </section>

      <Conversation messages={conversation} side="bureau">
        {status === "needs_info" ? <p className="notice">{t("question.waiting")}</p> : null}
        {status === "submitted" && conversation.at(-1)?.kind === "answer" ? <p className="notice notice--ok">{t("question.answered")}</p> : null}
        {work.available.includes("ask_question") || actionData?.intent === "ask_question" ? <QuestionForm actionData={actionData} /> : null}
      </Conversation>

      {mayDecide && ["in_review", "awaiting_second_review", "approved", "paid", "report_due"].includes(status) ? (
        <section aria-labelledby="decision-forms-title">
          <h2 id="decision-forms-title">{t("review.decision")}</h2>
          {status === "in_review" ? (
            <>
              <ApproveForm work={work} actionData={actionData} split={split} />
              <DeclineForm actionData={actionData} />
            </>
          ) : status === "awaiting_second_review" ? (
            <SecondReviewForms work={work} actionData={actionData} split={split} />
          ) : (
            <CancelForm actionData={actionData} />
          )}
        </section>
      ) : null}

      <section aria-labelledby="conflict-title">
        <h2 id="conflict-title">{t("review.conflict.title")}</h2>
        <ConflictForm actionData={actionData} />
      </section>

      <h2>{t("bureau.history")}</h2>
      <ol className="history">
        {history.map((h) => (
          <HistoryLine key={h.id} entry={h} t={t} locale={locale} />
        ))}
      </ol>
    </div>
  );
}
