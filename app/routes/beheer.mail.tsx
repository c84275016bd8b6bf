// Mail that could not be delivered after every try (dead letters), for the fund administrator,
// with "send again" per mail. Works without JavaScript: the button posts a plain form.
// One action, one intent so far ("resend"); an unknown intent is 400 (services/intent.server.ts).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { getDb } from "~/services/db.server";
import { requirePermission } from "~/services/auth.server";
import { getTranslator } from "~/services/locale.server";
import { readForm } from "~/services/form.server";
import { dispatchIntent } from "~/services/intent.server";
import { redirectWithNotice } from "~/services/notice.server";
import { replyWithRefusal } from "~/forms/refusal";
import { kickMailWorker } from "~/services/mail.server";
import { now } from "~/services/clock.server";
import { listDeadLetters, requeueDeadLetter } from "~/models/outbox.server";
import { MAX_DELIVERY_ATTEMPTS } from "~/domain/mail-delivery";
import { formatDateTime } from "~/components/format";
import { ErrorSummary, summaryItems } from "~/components/error-summary";
import { SubmitButton } from "~/components/submit-button";
import { CRUMBS, type BureauHandle } from "~/components/bureau-frame";
import { useLocale, useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("mailAdmin.title", { noindex: true });
export const handle: BureauHandle = { crumbs: () => [CRUMBS.mail] };

const LIMIT = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "outbox.manage");
  const { rows, total } = await listDeadLetters(await getDb(), LIMIT);
  return { rows, total };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "outbox.manage");
  const form = await readForm(request, 16 * 1024);
  const { t } = await getTranslator(request);

  return dispatchIntent(form, {
    async resend(form) {
      // The id is not typed by anyone: a wrong one is a mail that is no longer in the list.
      const schema = z.object({
        id: z
          .string({ error: t("mailAdmin.notFound") })
          .min(1, t("mailAdmin.notFound"))
          .max(100, t("mailAdmin.notFound")),
      });
      const submission = parseWithZod(form, { schema });
      if (submission.status !== "success") return data({ result: submission.reply({ formErrors: [t("mailAdmin.notFound")] }) }, { status: 400 });
      const requeued = await requeueDeadLetter(await getDb(), {
        id: submission.value.id,
        actor: { userId: user.id, label: user.email },
        at: now().toISOString(),
      });
      // Already sent again (an old tab, a second click): a refusal, shown in the error summary.
      if (!requeued) return data({ result: replyWithRefusal(submission, { reason: "gone" }, { words: { gone: "mailAdmin.notFound" }, t }) }, { status: 409 });
      kickMailWorker();
      return redirectWithNotice(request, "/beheer/mail", "mailAdmin.resent");
    },
  });
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
  const { rows, total } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  return (
    <div>
      <h1>{t("mailAdmin.title")}</h1>
      {/* Nothing here is typed, so every error is the form's own: no links to fields. */}
      <ErrorSummary items={[...new Set(summaryItems(result?.error ?? {}).map((item) => item.message))].map((message) => ({ message }))} focusKey={result} />
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
                  <input type="hidden" name="id" value={mail.id} />
                  <SubmitButton name="intent" value="resend" pendingFor={{ intent: "resend", id: mail.id }}>
                    {t("mailAdmin.resend")}
                    <span className="visually-hidden"> {t("mailAdmin.resendFor", { to: mail.to, subject: mail.subject })}</span>
                  </SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
