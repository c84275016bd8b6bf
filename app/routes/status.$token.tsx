// The status link from the confirmation mail: the token itself is the proof, no account needed.
// Being a capability link, it is not passed on (no Referer), not indexed, not cached, shows no
// contact data, and ends a set time after the application was closed.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { getDb } from "~/services/db.server";
import { getLocale } from "~/services/locale.server";
import { config } from "~/services/config.server";
import { now } from "~/services/clock.server";
import { statusPageView } from "~/models/application-views.server";
import { residentHistoryByStatusToken } from "~/models/resident-history.server";
import { StatusTimeline } from "~/components/status-timeline";
import { ApplicationDetails } from "~/components/application-details";
import { DecisionSummary } from "~/components/decision-summary";
import { ResidentHistory } from "~/components/resident-history";
import { formatDateTime } from "~/components/format";
import { Conversation } from "~/components/conversation";
import { SignInToAnswer } from "~/components/sign-in-to-answer";
import { conversationOf } from "~/models/questions.server";
import { useLocale, useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

const pageMeta = pageTitle("timeline.title", { noindex: true });
const expiredMeta = pageTitle("statusLink.expired.title", { noindex: true });
const notFoundMeta = pageTitle("statusLink.notFound.title", { noindex: true });
export const meta: MetaFunction = (args) => {
  if (!args.error) return pageMeta(args);
  return isRouteErrorResponse(args.error) && args.error.status === 410 ? expiredMeta(args) : notFoundMeta(args);
};

// Also on the 404 and 410 answers: this route has its own error boundary, so Remix asks it.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex", "Cache-Control": "no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const result = await statusPageView(db, params.token ?? "", await getLocale(request), {
    now: now(),
    monthsAfterClose: config().statusLinkMonthsAfterClose,
  });
  if (result.kind === "expired") throw new Response("Gone", { status: 410 });
  if (result.kind === "unknown") throw new Response("Not Found", { status: 404 });
  // Read only: answering needs signing in (decision 131).
  const conversation = (await conversationOf(db, result.application.reference)) ?? [];
  return { application: result.application, conversation, history: await residentHistoryByStatusToken(db, params.token ?? "") };
}

export default function StatusPage() {
  const t = useT();
  const locale = useLocale();
  const { application, conversation, history } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("status.page.title", { reference: application.reference })}</h1>
      <p className="meta">
        {application.title} · {t("status.page.submittedOn", { date: formatDateTime(application.submittedAt, locale) })}
      </p>
      <h2>{t("timeline.title")}</h2>
      <StatusTimeline status={application.status} />
      <DecisionSummary decision={application.decision} />
      <Conversation messages={conversation} side="resident">
        {application.status === "needs_info" ? <SignInToAnswer reference={application.reference} /> : null}
      </Conversation>
      <ResidentHistory entries={history} />
      <h2>{t("answer.details")}</h2>
      <ApplicationDetails application={application} />
    </div>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <div className="narrow">
      {status === 410 ? (
        <>
          <h1>{t("statusLink.expired.title")}</h1>
          <p>{t("statusLink.expired.text")}</p>
          <p>{t("statusLink.expired.signIn")}</p>
          <p>
            <Link to="/inloggen?terug=%2Fmijn-aanvragen">{t("statusLink.signInLink")}</Link>
          </p>
        </>
      ) : status === 404 ? (
        <>
          <h1>{t("statusLink.notFound.title")}</h1>
          <p>{t("status.page.notFound")}</p>
        </>
      ) : (
        <>
          <h1>{t("error.title")}</h1>
          <p>{t("error.generic.text")}</p>
        </>
      )}
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </div>
  );
}
