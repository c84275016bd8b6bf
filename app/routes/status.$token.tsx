// The status link from the confirmation mail: the token itself is the proof, no account needed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "~/services/db.server";
import { getLocale } from "~/services/locale.server";
import { getApplicationByStatusToken } from "~/models/applications.server";
import { StatusTimeline } from "~/components/status-timeline";
import { ApplicationDetails } from "~/components/application-details";
import { formatDateTime } from "~/components/format";
import type { ApplicationStatus } from "~/domain/lifecycle";
import { useLocale, useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("timeline.title", { noindex: true });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const application = await getApplicationByStatusToken(await getDb(), params.token ?? "", await getLocale(request));
  if (!application) throw new Response("Not Found", { status: 404 });
  return { application };
}

export default function StatusPage() {
  const t = useT();
  const locale = useLocale();
  const { application } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("status.page.title", { reference: application.reference })}</h1>
      <p className="meta">
        {application.title} · {t("status.page.submittedOn", { date: formatDateTime(application.submittedAt, locale) })}
      </p>
      <h2>{t("timeline.title")}</h2>
      <StatusTimeline status={application.status as ApplicationStatus} />
      <ApplicationDetails application={application} showContact={false} />
    </div>
  );
}
