// One application as the bureau sees it: all facts, contact details and the audit history.
// Every opening is written to the audit log (personal_data.viewed).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/services/db.server";
import { requirePermission } from "~/services/auth.server";
import { getLocale } from "~/services/locale.server";
import { now } from "~/services/clock.server";
import { openApplicationForStaff } from "~/models/application-views.server";
import { ApplicationDetails } from "~/components/application-details";
import { formatDateTime } from "~/components/format";
import { useLocale, useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { CRUMBS, type BureauHandle } from "~/components/bureau-frame";

export const meta = pageTitle("bureau.title");
export const handle: BureauHandle = {
  crumbs: (params) => [CRUMBS.applications, { to: `/beheer/aanvragen/${params.reference ?? ""}`, text: params.reference ?? "" }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "application.view_any");
  // Opening this page shows the resident's contact data, so the model writes who looked and when.
  const found = await openApplicationForStaff(await getDb(), params.reference ?? "", await getLocale(request), { user, now: now() });
  if (!found) throw new Response("Not Found", { status: 404 });
  return found;
}

// Audit actions and the anonymous/system actors have words in the catalogue; unknown ones show as stored.
function auditLabel(t: ReturnType<typeof useT>, action: string): string {
  const key = `audit.action.${action}` as MessageKey;
  const text = t(key);
  return text === key ? action : text;
}

function actorLabel(t: ReturnType<typeof useT>, actor: string): string {
  return actor === "anonymous" || actor === "system" ? t(`audit.actor.${actor}`) : actor;
}

export default function BureauApplication() {
  const t = useT();
  const locale = useLocale();
  const { application, history } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/beheer/aanvragen">{t("bureau.back")}</Link>
      </p>
      <h1>{application.title}</h1>
      <p className="meta">
        {application.reference} · <span className="status-badge">{t(`lifecycle.status.${application.status}` as MessageKey)}</span>
      </p>
      <ApplicationDetails application={application} />
      <h2>{t("bureau.history")}</h2>
      <ol>
        {history.map((h) => (
          <li key={h.id}>
            {formatDateTime(h.at, locale)}: {t("bureau.history.entry", { action: auditLabel(t, h.action), actor: actorLabel(t, h.actor) })}
          </li>
        ))}
      </ol>
    </div>
  );
}
