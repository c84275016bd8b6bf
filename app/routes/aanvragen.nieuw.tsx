// The public application form: no account needed. Thin: parse with the schema, call the model, redirect.
// Posts are counted per IP address (or signed-in user) and per e-mail address; over the budget the
// form comes back with its input and a calm message (429). A filled-in honeypot is answered like a
// success and stored nowhere.
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { applicationFormContext } from "~/services/application-form.server";
import { clientIp, readForm } from "~/services/form.server";
import { dispatchIntent } from "~/services/intent.server";
import { commitSession, getSession } from "~/services/session.server";
import { config } from "~/services/config.server";
import { now } from "~/services/clock.server";
import { kickMailWorker } from "~/services/mail.server";
import { newId } from "~/services/tokens.server";
import { linkToken, parseSearchParams } from "~/services/search-params.server";
import { submitApplicationWithinLimits } from "~/models/applications.server";
import { loadDraft, saveDraft } from "~/models/drafts.server";
import { applicationSchema, draftSchema, honeypotFilled } from "~/forms/application-schema";
import { formatDateTime } from "~/components/format";
import { ApplicationForm } from "~/components/application-form";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("form.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, user, ctx, areas, factors } = await applicationFormContext(request);
  // undefined: no draft asked for; null: a link that cannot be a draft's (say cut off in a mail program).
  const { concept: draftToken } = parseSearchParams(request, { concept: linkToken() });
  const draft = draftToken ? await loadDraft(db, draftToken, now()) : null;
  const prefill = user && !ctx.onBehalf ? { name: user.name, email: user.email } : null;
  return {
    areas,
    factors,
    maxCents: ctx.maxCents,
    today: ctx.today,
    onBehalf: ctx.onBehalf,
    submissionKey: newId(),
    draftToken: draft ? (draftToken ?? null) : null,
    draftState: draftToken === undefined ? null : draft ? "loaded" : "missing",
    defaultValue: draft ?? prefill,
  };
}

async function draftSaved(request: Request, email: string) {
  const session = await getSession(request);
  session.flash("draftEmail", email);
  return redirect("/aanvragen/opgeslagen", { headers: { "Set-Cookie": await commitSession(session) } });
}

// One action, two intents: "submit" (the main button, and what a form without an intent means:
// conform's own buttons such as "add a cost line" send none) and "draft". Anything else is 400.
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const { db, user, ctx } = await applicationFormContext(request);
  const draftToken = typeof formData.get("draftToken") === "string" ? String(formData.get("draftToken")) : null;
  const ip = clientIp(context);
  const tooMany = (key: "limits.form.tooMany" | "limits.draft.tooMany", retryAt: Date, reply: SubmissionResult<string[]>) =>
    data({ result: reply, limited: ctx.t(key, { time: formatDateTime(retryAt.toISOString(), ctx.locale) }) }, { status: 429 });

  return dispatchIntent(
    formData,
    {
      async draft(form) {
        if (honeypotFilled(form)) return draftSaved(request, String(form.get("email") ?? "").trim());
        const submission = parseWithZod(form, { schema: draftSchema(ctx) });
        if (submission.status !== "success") return data({ result: submission.reply(), limited: null }, { status: 400 });
        const saved = await saveDraft(db, {
          email: submission.value.email,
          payload: submission.value,
          previousToken: draftToken,
          user,
          t: ctx.t,
          now: now(),
          publicUrl: config().publicUrl,
          ip,
        });
        if (!saved.ok) return tooMany("limits.draft.tooMany", saved.retryAt, submission.reply());
        kickMailWorker();
        return draftSaved(request, submission.value.email);
      },

      async submit(form) {
        if (honeypotFilled(form)) return redirect("/aanvragen/bedankt", { headers: { "Set-Cookie": await commitSession(await getSession(request)) } });
        const submission = parseWithZod(form, { schema: applicationSchema(ctx) });
        if (submission.status !== "success") {
          // A conform intent (such as "add a cost line") is not an error: answer 200 with the updated form.
          return data({ result: submission.reply(), limited: null }, { status: submission.status === "error" ? 400 : 200 });
        }
        const result = await submitApplicationWithinLimits(db, submission.value, {
          ip,
          user,
          onBehalf: ctx.onBehalf,
          locale: ctx.locale,
          now: now(),
          settings: config(),
          draftToken,
        });
        if (!result.ok) return tooMany("limits.form.tooMany", result.retryAt, submission.reply());
        const session = await getSession(request);
        session.set("lastReference", result.reference);
        session.set("lastOnBehalf", ctx.onBehalf);
        kickMailWorker();
        return redirect("/aanvragen/bedankt", { headers: { "Set-Cookie": await commitSession(session) } });
      },
    },
    { whenMissing: "submit" },
  );
}

export default function NewApplication() {
  const t = useT();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <h1>{t("form.title")}</h1>
      {loaderData.draftState === "loaded" ? <p className="notice notice--ok">{t("form.draftLoaded")}</p> : null}
      {loaderData.draftState === "missing" ? <p className="notice">{t("form.draftMissing")}</p> : null}
      {actionData?.limited ? (
        <p className="notice" role="alert">
          {actionData.limited}
        </p>
      ) : null}
      <ApplicationForm {...loaderData} lastResult={actionData?.result} />
    </div>
  );
}
