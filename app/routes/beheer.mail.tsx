// Mail that could not be delivered after every try (dead letters), for the fund administrator,
// with "send again" per mail. Works without JavaScript: the button posts a plain form.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "~/services/db.server";
import { requirePermission } from "~/services/auth.server";
import { getTranslator } from "~/services/locale.server";
import { readForm } from "~/services/form.server";
import { kickMailWorker } from "~/services/mail.server";
import { now } from "~/services/clock.server";
import { listDeadLetters, requeueDeadLetter } from "~/models/outbox.server";
import { MAX_DELIVERY_ATTEMPTS } from "~/domain/mail-delivery";
import { formatDateTime } from "~/components/format";
import { useLocale, useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("mailAdmin.title", { noindex: true });

const LIMIT = 100;
const ResendForm = z.object({ intent: z.literal("resend"), id: z.string().min(1).max(100) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "outbox.manage");
  const { rows, total } = await listDeadLetters(await getDb(), LIMIT);
  return { rows, total, resent: new URL(request.url).searchParams.get("opnieuw") === "1" };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "outbox.manage");
  const { t } = await getTranslator(request);
  const parsed = ResendForm.safeParse(Object.fromEntries(await readForm(request, 16 * 1024)));
  if (!parsed.success) return data({ error: t("mailAdmin.notFound") }, { status: 400 });
  const requeued = await requeueDeadLetter(await getDb(), {
    id: parsed.data.id,
    actor: { userId: user.id, label: user.email },
    at: now().toISOString(),
  });
  if (!requeued) return data({ error: t("mailAdmin.notFound") }, { status: 409 });
  kickMailWorker();
  return redirect("/beheer/mail?opnieuw=1", 303);
}

// Templates have names in the catalogue; an unknown one shows as stored.
function kindLabel(t: ReturnType<typeof useT>, template: string): string {
  const key = `mailAdmin.kind.${template}` as MessageKey;
  const text = t(key);
  return text === key ? template : text;
}

export default function DeadLetters() {
  const t = useT();
  const locale = useLocale();
  const { rows, total, resent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <h1>{t("mailAdmin.title")}</h1>
      {result?.error ? (
        <div className="error-summary" role="alert">
          <p>{result.error}</p>
        </div>
      ) : resent ? (
        <p className="notice notice--ok" role="status">
          {t("mailAdmin.resent")}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t("mailAdmin.empty")}</p>
      ) : (
        <>
          <p>{t("mailAdmin.intro", { attempts: MAX_DELIVERY_ATTEMPTS })}</p>
          {total > rows.length ? <p>{t("mailAdmin.more", { shown: rows.length, total })}</p> : null}
          <ul className="cards">
            {rows.map((mail) => (
              <li key={mail.id} className="card">
                <h2>{mail.subject}</h2>
                <dl className="details">
                  <dt>{t("mailAdmin.to")}</dt>
                  <dd>{mail.to}</dd>
                  <dt>{t("mailAdmin.kind")}</dt>
                  <dd>{kindLabel(t, mail.template)}</dd>
                  <dt>{t("mailAdmin.lastError")}</dt>
                  <dd className="break-anywhere">{mail.lastError ?? t("mailAdmin.none")}</dd>
                  <dt>{t("mailAdmin.attempts")}</dt>
                  <dd>{mail.attempts}</dd>
                  <dt>{t("mailAdmin.created")}</dt>
                  <dd>{formatDateTime(mail.createdAt, locale)}</dd>
                  <dt>{t("mailAdmin.lastAttempt")}</dt>
                  <dd>{mail.lastAttemptAt ? formatDateTime(mail.lastAttemptAt, locale) : t("mailAdmin.none")}</dd>
                </dl>
                <Form method="post">
                  <input type="hidden" name="intent" value="resend" />
                  <input type="hidden" name="id" value={mail.id} />
                  <button type="submit" className="button">
                    {t("mailAdmin.resend")}
                    <span className="visually-hidden"> {t("mailAdmin.resendFor", { to: mail.to, subject: mail.subject })}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
