// One application as the bureau sees it: all facts, contact details and the audit history.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/services/db.server";
import { requirePermission } from "~/services/auth.server";
import { getLocale } from "~/services/locale.server";
import { getApplicationByReference } from "~/models/applications.server";
import { auditTrail } from "~/models/audit.server";
import { ApplicationDetails } from "~/components/application-details";
import { formatDateTime } from "~/components/format";
import { useLocale, useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("bureau.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "application.view_any");
  const db = await getDb();
  const application = await getApplicationByReference(db, params.reference ?? "", await getLocale(request));
  if (!application) throw new Response("Not Found", { status: 404 });
  const history = await auditTrail(db, "application", application.id);
  return { application, history: history.map((h) => ({ id: h.id, at: h.at, actor: h.actor_label, action: h.action })) };
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
      <ApplicationDetails application={application} showContact />
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
