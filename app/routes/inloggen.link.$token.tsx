// The link from the sign-in mail. Opening it shows a button (mail scanners that open links
// must not use it up); pressing it signs in. The token alone is the proof, so it works in any browser.
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useParams } from "@remix-run/react";
import { authenticator, SignInRefused } from "~/services/auth.server";
import { getTranslator } from "~/services/locale.server";
import { completeSignIn } from "~/services/sign-in.server";
import { SubmitButton } from "~/components/submit-button";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("link.title", { noindex: true });

export async function action({ request }: ActionFunctionArgs) {
  const { t } = await getTranslator(request);
  try {
    const userId = await authenticator.authenticate("email-link", request);
    return completeSignIn(request, userId);
  } catch (error) {
    if (!(error instanceof SignInRefused)) throw error;
    return data({ error: t("link.error.invalid") }, { status: 400 });
  }
}

export default function SignInLink() {
  const t = useT();
  const { token } = useParams();
  const result = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>{t("link.title")}</h1>
      {result?.error ? (
        <>
          <div className="error-summary" role="alert">
            <p>{result.error}</p>
          </div>
          <p>
            <Link to="/inloggen">{t("link.newCode")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("link.intro")}</p>
          <Form method="post">
            <input type="hidden" name="token" value={token} />
            <SubmitButton>{t("link.submit")}</SubmitButton>
          </Form>
        </>
      )}
    </div>
  );
}
