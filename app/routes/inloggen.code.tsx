// Step 2 of signing in: the six-digit code from the mail. The same form pattern as step 1; a
// refused code (wrong, used, too many tries) is the strategy's refusal, placed beside the field.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useState } from "react";
import { authenticator, SignInRefused } from "~/services/auth.server";
import { getTranslator } from "~/services/locale.server";
import { getDb } from "~/services/db.server";
import { now } from "~/services/clock.server";
import { readForm } from "~/services/form.server";
import { codeLockedUntil } from "~/models/login-codes.server";
import { codeSchema } from "~/forms/sign-in-schema";
import { replyWithRefusal, type RefusalWords } from "~/forms/refusal";
import { formatDateTime } from "~/components/format";
import { getSession } from "~/services/session.server";
import { completeSignIn } from "~/services/sign-in.server";
import { describedBy, Field } from "~/components/field";
import { ErrorSummary, summaryItems } from "~/components/error-summary";
import { SubmitButton } from "~/components/submit-button";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("code.title");

const REFUSAL_WORDS: RefusalWords<SignInRefused["reason"]> = {
  format: { key: "code.error.format", field: "code" },
  invalid: { key: "limits.code.invalid", field: "code" },
  locked: { key: "limits.code.locked", field: "code" },
  // Not about what was typed: the session has no address waiting for a code.
  no_pending: "code.error.noPending",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const email = (await getSession(request)).get("pendingEmail");
  if (!email) throw redirect("/inloggen");
  const { t, locale } = await getTranslator(request);
  const until = await codeLockedUntil(await getDb(), email, now());
  return { email, locked: until ? t("limits.code.locked", { time: formatDateTime(until.toISOString(), locale) }) : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const { t, locale } = await getTranslator(request);
  // The strategy reads the body itself, so the form is read from a copy.
  const submission = parseWithZod(await readForm(request.clone()), { schema: codeSchema(t) });
  // A typed code never comes back in the page.
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["code"] }) }, { status: 400 });
  try {
    const userId = await authenticator.authenticate("email-code", request);
    return completeSignIn(request, userId);
  } catch (error) {
    if (!(error instanceof SignInRefused)) throw error;
    const time = formatDateTime((error.retryAt ?? now()).toISOString(), locale);
    const result = replyWithRefusal(submission, error, { words: REFUSAL_WORDS, t, params: { time }, hideFields: ["code"] });
    return data({ result }, { status: error.reason === "locked" ? 429 : 400 });
  }
}

export default function EnterCode() {
  const t = useT();
  const { email, locked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "sign-in-code",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: codeSchema(t) }),
  });
  const [submits, setSubmits] = useState(0);
  const items = summaryItems(form.allErrors);
  const errors = fields.code.errors;
  return (
    <div className="narrow">
      <h1>{t("code.title")}</h1>
      <ErrorSummary items={items} focusKey={`${submits}-${JSON.stringify(actionData?.result.error ?? null)}`} />
      <p>{t("code.intro", { email })}</p>
      {locked && items.length === 0 ? (
        <p className="notice" role="status">
          {locked}
        </p>
      ) : null}
      <p className="field-hint">{t("limits.code.newest")}</p>
      <Form
        method="post"
        id={form.id}
        noValidate
        onSubmit={(event) => {
          setSubmits((n) => n + 1);
          form.onSubmit(event);
        }}
      >
        <Field id="code" label={t("code.label")} errors={errors}>
          <input
            type="text"
            id="code"
            name={fields.code.name}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            className="input--code"
            aria-invalid={errors ? true : undefined}
            aria-describedby={describedBy("code", false, errors)}
          />
        </Field>
        <SubmitButton>{t("code.submit")}</SubmitButton>
      </Form>
      <p>
        <Link to="/inloggen">{t("code.otherAddress")}</Link>
      </p>
    </div>
  );
}
