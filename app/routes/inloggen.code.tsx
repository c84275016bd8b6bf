// Step 2 of signing in: the six-digit code from the mail.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { authenticator, SignInRefused } from "~/services/auth.server";
import { getTranslator } from "~/services/locale.server";
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
  return { email };
}

export async function action({ request }: ActionFunctionArgs) {
  const { t } = await getTranslator(request);
  try {
    const userId = await authenticator.authenticate("email-code", request);
    return completeSignIn(request, userId);
  } catch (error) {
    if (!(error instanceof SignInRefused)) throw error;
    const message = error.reason === "format" ? t("code.error.format") : error.reason === "no_pending" ? t("code.error.noPending") : t("code.error.invalid");
    return data({ error: message }, { status: 400 });
  }
}

export default function EnterCode() {
  const t = useT();
  const { email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ? [result.error] : undefined;
  return (
    <div className="narrow">
      <h1>{t("code.title")}</h1>
      <ErrorSummary items={errors ? [{ fieldId: "code", message: errors[0]! }] : []} />
      <p>{t("code.intro", { email })}</p>
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
