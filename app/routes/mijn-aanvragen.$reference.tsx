// One of my applications. Someone else's application answers 404, so its existence is not revealed.
// While the bureau waits for an answer to its question, the applicant answers here (decision 131);
// before a decision they may withdraw it (services/withdraw.server.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~/services/db.server";
import { getUser, requireUser } from "~/services/auth.server";
import { getLocale, getTranslator } from "~/services/locale.server";
import { readForm } from "~/services/form.server";
import { dispatchIntent } from "~/services/intent.server";
import { takeNotice } from "~/services/notice.server";
import { answerIntent, ownApplication, residentQuestions } from "~/services/answer-question.server";
import { withdrawIntent } from "~/services/withdraw.server";
import { residentHistoryByReference } from "~/models/resident-history.server";
import { TRANSITIONS } from "~/domain/lifecycle";
import { StatusTimeline } from "~/components/status-timeline";
import { ApplicationDetails } from "~/components/application-details";
import { DecisionSummary } from "~/components/decision-summary";
import { Conversation } from "~/components/conversation";
import { AnswerForm, AnswerRefused } from "~/components/answer-form";
import { FlashNotice } from "~/components/flash-notice";
import { ResidentHistory } from "~/components/resident-history";
import { WithdrawForm } from "~/components/withdraw-form";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("mine.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const locale = await getLocale(request);
  const application = await ownApplication(db, params.reference ?? "", locale, user);
  if (!application) throw new Response("Not Found", { status: 404 });
  // Only the view goes into the page; the owners' ids were for the check.
  return {
    application,
    ...(await residentQuestions(db, application.reference, application.status, locale)),
    history: await residentHistoryByReference(db, application.reference),
    mayWithdraw: TRANSITIONS.withdraw.from.includes(application.status),
    notice: await takeNotice(request),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const reference = params.reference ?? "";
  const form = await readForm(request);
  return dispatchIntent(form, {
    answer: async (form) => {
      const [db, user, { t, locale }] = await Promise.all([getDb(), getUser(request), getTranslator(request)]);
      return answerIntent(request, form, { db, reference, user, t, locale });
    },
    withdraw: async (form) => withdrawIntent(request, form, await requireUser(request), reference),
  });
}

export default function MyApplication() {
  const t = useT();
  const { application, conversation, answerForm, history, mayWithdraw, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const withdrawResult = actionData && "intent" in actionData && actionData.intent === "withdraw" ? actionData.result : undefined;
  const answerResult = actionData && !("intent" in actionData) ? actionData.result : undefined;
  return (
    <div>
      <p>
        <Link to="/mijn-aanvragen">{t("mine.title")}</Link>
      </p>
      <h1>{application.title}</h1>
      <p className="meta">{t("status.page.title", { reference: application.reference })}</p>
      <FlashNotice notice={notice} />
      <h2>{t("timeline.title")}</h2>
      <StatusTimeline status={application.status} />
      <DecisionSummary decision={application.decision} />
      <Conversation messages={conversation} side="resident" />
      {answerForm ? <AnswerForm data={answerForm} lastResult={answerResult} /> : <AnswerRefused lastResult={answerResult} />}
      <ResidentHistory entries={history} />
      <h2>{t("answer.details")}</h2>
      <ApplicationDetails application={application} />
      {mayWithdraw ? <WithdrawForm lastResult={withdrawResult} /> : null}
    </div>
  );
}
