// Step 1 of signing in: the address. A code and a single-use link go out by mail.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "~/services/db.server";
import { getTranslator } from "~/services/locale.server";
import { clientIp, readForm } from "~/services/form.server";
import { commitSession, getSession } from "~/services/session.server";
import { config } from "~/services/config.server";
import { now } from "~/services/clock.server";
import { kickMailWorker } from "~/services/mail.server";
import { safeRedirectPath } from "~/services/redirect.server";
import { issueLoginCode } from "~/models/login-codes.server";
import { formatDateTime } from "~/components/format";
import { Field } from "~/components/field";
import { ErrorSummary } from "~/components/error-summary";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("signIn.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return { back: safeRedirectPath(new URL(request.url).searchParams.get("terug"), "") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { t, locale } = await getTranslator(request);
  const email = String(form.get("email") ?? "").trim();
  const back = safeRedirectPath(String(form.get("back") ?? ""), "");
  const parsed = z.string().max(254).email().safeParse(email);
  if (!parsed.success) return data({ email, error: t("signIn.error.emailInvalid") }, { status: 400 });
  const result = await issueLoginCode(await getDb(), { email, ip: clientIp(context), now: now(), t, linkBase: config().publicUrl });
  const session = await getSession(request);
  session.set("pendingEmail", parsed.data.toLowerCase());
  if (!result.ok) {
    // Refused only after several mails in the last quarter of an hour: the newest one still works,
    // so the person may type its code (or click its link) instead of waiting.
    const error = t("limits.signIn.tooMany", { time: formatDateTime(result.retryAt.toISOString(), locale) });
    return data({ email, error, enterCode: true }, { status: 429, headers: { "Set-Cookie": await commitSession(session) } });
  }
  kickMailWorker();
  if (back) session.set("afterSignIn", back);
  else session.unset("afterSignIn");
  return redirect("/inloggen/code", { headers: { "Set-Cookie": await commitSession(session) } });
}

export default function SignIn() {
  const t = useT();
  const { back } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ? [result.error] : undefined;
  return (
    <div className="narrow">
      <h1>{t("signIn.title")}</h1>
      <ErrorSummary items={errors ? [{ fieldId: "email", message: errors[0]! }] : []} />
      {result && "enterCode" in result ? (
        <p>
          <Link to="/inloggen/code">{t("limits.signIn.enterCode")}</Link>
        </p>
      ) : null}
      <p>{t("signIn.intro")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="back" value={back} />
        <Field id="email" label={t("signIn.email.label")} errors={errors}>
          <input
            type="email"
            id="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            defaultValue={result?.email}
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? "email-error" : undefined}
          />
        </Field>
        <button type="submit" className="button">
          {t("signIn.submit")}
        </button>
      </Form>
    </div>
  );
}
