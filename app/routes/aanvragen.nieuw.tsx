// The public application form: no account needed. Thin: parse with the schema, call the model, redirect.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { applicationFormContext } from "~/services/application-form.server";
import { readForm } from "~/services/form.server";
import { commitSession, getSession } from "~/services/session.server";
import { config } from "~/services/config.server";
import { amsterdamDate, now } from "~/services/clock.server";
import { kickMailWorker } from "~/services/mail.server";
import { newId } from "~/services/tokens.server";
import { linkToken, parseSearchParams } from "~/services/search-params.server";
import { loadDraft, saveDraft, submitApplication } from "~/models/applications.server";
import { applicationSchema, draftSchema } from "~/forms/application-schema";
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

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const { db, user, ctx } = await applicationFormContext(request);
  const draftToken = typeof formData.get("draftToken") === "string" ? String(formData.get("draftToken")) : null;

  if (formData.get("intent") === "draft") {
    const submission = parseWithZod(formData, { schema: draftSchema(ctx.t) });
    if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
    const { submissionKey: _key, draftToken: _token, intent: _intent, ...payload } = (submission.payload ?? {}) as Record<string, unknown>;
    await saveDraft(db, { email: submission.value.email, payload, previousToken: draftToken, user, t: ctx.t, now: now(), publicUrl: config().publicUrl });
    const session = await getSession(request);
    session.flash("draftEmail", submission.value.email);
    kickMailWorker();
    return redirect("/aanvragen/opgeslagen", { headers: { "Set-Cookie": await commitSession(session) } });
  }

  const submission = parseWithZod(formData, { schema: applicationSchema(ctx) });
  if (submission.status !== "success") {
    // An intent (such as "add a cost line") is not an error: answer 200 with the updated form.
    return data({ result: submission.reply() }, { status: submission.status === "error" ? 400 : 200 });
  }
  const at = now();
  const result = await submitApplication(db, submission.value, {
    user,
    maxCents: ctx.maxCents,
    onBehalf: ctx.onBehalf,
    locale: ctx.locale,
    t: ctx.t,
    now: at,
    localDate: amsterdamDate(at),
    publicUrl: config().publicUrl,
    bureauEmail: config().bureauEmail,
    draftToken,
  });
  const session = await getSession(request);
  session.set("lastReference", result.reference);
  session.set("lastOnBehalf", ctx.onBehalf);
  kickMailWorker();
  return redirect("/aanvragen/bedankt", { headers: { "Set-Cookie": await commitSession(session) } });
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
      <ApplicationForm {...loaderData} lastResult={actionData?.result} />
    </div>
  );
}
