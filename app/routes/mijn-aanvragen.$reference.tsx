// One of my applications. Someone else's application answers 404, so its existence is not revealed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/services/db.server";
import { actorOf, requireUser } from "~/services/auth.server";
import { getLocale } from "~/services/locale.server";
import { ownApplicationView } from "~/models/application-views.server";
import { can } from "~/domain/permissions";
import { StatusTimeline } from "~/components/status-timeline";
import { ApplicationDetails } from "~/components/application-details";
import { DecisionSummary } from "~/components/decision-summary";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("mine.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await ownApplicationView(await getDb(), params.reference ?? "", await getLocale(request), user);
  if (!found || !can(actorOf(user), "application.view_own", { ownerUserIds: found.ownerUserIds }).allowed) {
    throw new Response("Not Found", { status: 404 });
  }
  // Only the view goes into the page; the owners' ids were for the check above.
  return { application: found.application };
}

export default function MyApplication() {
  const t = useT();
  const { application } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/mijn-aanvragen">{t("mine.title")}</Link>
      </p>
      <h1>{application.title}</h1>
      <p className="meta">{t("status.page.title", { reference: application.reference })}</p>
      <h2>{t("timeline.title")}</h2>
      <StatusTimeline status={application.status} />
      <DecisionSummary decision={application.decision} />
      <ApplicationDetails application={application} />
    </div>
  );
}
