// Step 2 of signing in: the six-digit code from the mail.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { authenticator, SignInRefused } from "~/services/auth.server";
import { getTranslator } from "~/services/locale.server";
import { getDb } from "~/services/db.server";
import { now } from "~/services/clock.server";
import { codeLockedUntil } from "~/models/login-codes.server";
import { formatDateTime } from "~/components/format";
import { getSession } from "~/services/session.server";
import { completeSignIn } from "~/services/sign-in.server";
import { Field } from "~/components/field";
import { ErrorSummary } from "~/components/error-summary";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("code.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const email = (await getSession(request)).get("pendingEmail");
  if (!email) throw redirect("/inloggen");
  const { t, locale } = await getTranslator(request);
  const until = await codeLockedUntil(await getDb(), email, now());
  return { email, locked: until ? t("limits.code.locked", { time: formatDateTime(until.toISOString(), locale) }) : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const { t, locale } = await getTranslator(request);
  try {
    const userId = await authenticator.authenticate("email-code", request);
    return completeSignIn(request, userId);
  } catch (error) {
    if (!(error instanceof SignInRefused)) throw error;
    if (error.reason === "locked") {
      const message = t("limits.code.locked", { time: formatDateTime((error.retryAt ?? now()).toISOString(), locale) });
      return data({ error: message }, { status: 429 });
    }
    const message = error.reason === "format" ? t("code.error.format") : error.reason === "no_pending" ? t("code.error.noPending") : t("limits.code.invalid");
    return data({ error: message }, { status: 400 });
  }
}

export default function EnterCode() {
  const t = useT();
  const { email, locked } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ? [result.error] : undefined;
  return (
    <div className="narrow">
      <h1>{t("code.title")}</h1>
      <ErrorSummary items={errors ? [{ fieldId: "code", message: errors[0]! }] : []} />
      <p>{t("code.intro", { email })}</p>
      {locked && !errors ? (
        <p className="notice" role="status">
          {locked}
        </p>
      ) : null}
      <p className="field-hint">{t("limits.code.newest")}</p>
      <Form method="post" noValidate>
        <Field id="code" label={t("code.label")} errors={errors}>
          <input
            type="text"
            id="code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            className="input--code"
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? "code-error" : undefined}
          />
        </Field>
        <button type="submit" className="button">
          {t("code.submit")}
        </button>
      </Form>
      <p>
        <Link to="/inloggen">{t("code.otherAddress")}</Link>
      </p>
    </div>
  );
}
