// "Mijn aanvragen": a resident's own applications, and those a supporter filled in for others.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/services/db.server";
import { requirePermission } from "~/services/auth.server";
import { listApplicationsOfUser } from "~/models/application-views.server";
import { StatusTimeline } from "~/components/status-timeline";
import { formatDateTime } from "~/components/format";
import { formatCents } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("mine.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "application.view_own");
  return { applications: await listApplicationsOfUser(await getDb(), user) };
}

export default function MyApplications() {
  const t = useT();
  const locale = useLocale();
  const { applications } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("mine.title")}</h1>
      {applications.length === 0 ? (
        <p>{t("mine.empty")}</p>
      ) : (
        <ul className="cards">
          {applications.map((a) => (
            <li key={a.reference} className="card">
              <h2>
                <Link to={`/mijn-aanvragen/${a.reference}`} aria-label={t("mine.open", { reference: a.reference })}>
                  {a.title}
                </Link>
              </h2>
              <p className="meta">
                {a.reference} · {a.areaName} · {formatCents(a.requestedCents, locale)} · {formatDateTime(a.submittedAt, locale)}
                {a.onBehalfOf !== null ? ` · ${t("mine.onBehalf", { name: a.onBehalfOf })}` : ""}
              </p>
              <StatusTimeline status={a.status} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
