// One of my applications. Someone else's application answers 404, so its existence is not revealed.
// Before a decision the resident may withdraw it here (services/withdraw.server.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~/services/db.server";
import { actorOf, requireUser } from "~/services/auth.server";
import { getLocale } from "~/services/locale.server";
import { readForm } from "~/services/form.server";
import { dispatchIntent } from "~/services/intent.server";
import { takeNotice } from "~/services/notice.server";
import { withdrawIntent } from "~/services/withdraw.server";
import { ownApplicationView } from "~/models/application-views.server";
import { residentHistoryByReference } from "~/models/resident-history.server";
import { can } from "~/domain/permissions";
import { TRANSITIONS } from "~/domain/lifecycle";
import { StatusTimeline } from "~/components/status-timeline";
import { ApplicationDetails } from "~/components/application-details";
import { DecisionSummary } from "~/components/decision-summary";
import { FlashNotice } from "~/components/flash-notice";
import { ResidentHistory } from "~/components/resident-history";
import { WithdrawForm } from "~/components/withdraw-form";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("mine.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const found = await ownApplicationView(db, params.reference ?? "", await getLocale(request), user);
  if (!found || !can(actorOf(user), "application.view_own", { ownerUserIds: found.ownerUserIds }).allowed) {
    throw new Response("Not Found", { status: 404 });
  }
  // Only the view goes into the page; the owners' ids were for the check above.
  const { application } = found;
  return {
    application,
    history: await residentHistoryByReference(db, application.reference),
    mayWithdraw: TRANSITIONS.withdraw.from.includes(application.status),
    notice: await takeNotice(request),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, 64 * 1024);
  return dispatchIntent(form, { withdraw: (f) => withdrawIntent(request, f, user, params.reference ?? "") });
}

export default function MyApplication() {
  const t = useT();
  const { application, history, mayWithdraw, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <p>
        <Link to="/mijn-aanvragen">{t("mine.title")}</Link>
      </p>
      <FlashNotice notice={notice} />
      <h1>{application.title}</h1>
      <p className="meta">{t("status.page.title", { reference: application.reference })}</p>
      <h2>{t("timeline.title")}</h2>
      <StatusTimeline status={application.status} />
      <DecisionSummary decision={application.decision} />
      <ResidentHistory entries={history} />
      <ApplicationDetails application={application} />
      {mayWithdraw ? <WithdrawForm lastResult={actionData?.intent === "withdraw" ? actionData.result : undefined} /> : null}
    </div>
  );
}
