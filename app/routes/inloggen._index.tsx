// Step 1 of signing in: the address. A code and a single-use link go out by mail.
// The form pattern of every form here: conform + the shared zod fields, Field, ErrorSummary.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useState } from "react";
import { getDb } from "~/services/db.server";
import { getTranslator } from "~/services/locale.server";
import { clientIp, readForm } from "~/services/form.server";
import { commitSession, getSession } from "~/services/session.server";
import { config } from "~/services/config.server";
import { now } from "~/services/clock.server";
import { kickMailWorker } from "~/services/mail.server";
import { safeRedirectPath } from "~/services/redirect.server";
import { issueLoginCode } from "~/models/login-codes.server";
import { signInSchema } from "~/forms/sign-in-schema";
import { EMAIL_MAX } from "~/forms/fields";
import { replyWithRefusal } from "~/forms/refusal";
import { formatDateTime } from "~/components/format";
import { describedBy, Field } from "~/components/field";
import { ErrorSummary, summaryItems } from "~/components/error-summary";
import { SubmitButton } from "~/components/submit-button";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("signIn.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return { back: safeRedirectPath(new URL(request.url).searchParams.get("terug"), "") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { t, locale } = await getTranslator(request);
  const back = safeRedirectPath(String(form.get("back") ?? ""), "");
  const submission = parseWithZod(form, { schema: signInSchema(t) });
  if (submission.status !== "success") return data({ result: submission.reply(), enterCode: false }, { status: 400 });
  const { email } = submission.value;
  const result = await issueLoginCode(await getDb(), { email, ip: clientIp(context), now: now(), t, linkBase: config().publicUrl });
  const session = await getSession(request);
  session.set("pendingEmail", email);
  if (!result.ok) {
    // Refused only after several mails in the last quarter of an hour: the newest one still works,
    // so the person may type its code (or click its link) instead of waiting.
    const reply = replyWithRefusal(submission, result, {
      words: { rate_limited: "limits.signIn.tooMany" },
      t,
      params: { time: formatDateTime(result.retryAt.toISOString(), locale) },
    });
    return data({ result: reply, enterCode: true }, { status: 429, headers: { "Set-Cookie": await commitSession(session) } });
  }
  kickMailWorker();
  if (back) session.set("afterSignIn", back);
  else session.unset("afterSignIn");
  return redirect("/inloggen/code", { headers: { "Set-Cookie": await commitSession(session) } });
}

export default function SignIn() {
  const t = useT();
  const { back } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema(t) }),
  });
  const [submits, setSubmits] = useState(0);
  const errors = fields.email.errors;
  return (
    <div className="narrow">
      <h1>{t("signIn.title")}</h1>
      <ErrorSummary items={summaryItems(form.allErrors)} focusKey={`${submits}-${JSON.stringify(actionData?.result.error ?? null)}`} />
      {actionData?.enterCode ? (
        <p>
          <Link to="/inloggen/code">{t("limits.signIn.enterCode")}</Link>
        </p>
      ) : null}
      <p>{t("signIn.intro")}</p>
      <Form
        method="post"
        id={form.id}
        noValidate
        onSubmit={(event) => {
          setSubmits((n) => n + 1);
          form.onSubmit(event);
        }}
      >
        <input type="hidden" name="back" value={back} />
        <Field id="email" label={t("signIn.email.label")} errors={errors}>
          <input
            type="email"
            id="email"
            name={fields.email.name}
            autoComplete="email"
            inputMode="email"
            maxLength={EMAIL_MAX}
            defaultValue={typeof fields.email.initialValue === "string" ? fields.email.initialValue : undefined}
            aria-invalid={errors ? true : undefined}
            aria-describedby={describedBy("email", false, errors)}
          />
        </Field>
        <SubmitButton>{t("signIn.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
