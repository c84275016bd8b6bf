// Signing out ends the session on the server, so a copied cookie no longer works. "Everywhere"
// ends every session of this user (a phone left at a community centre, a shared computer).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { getUser } from "~/services/auth.server";
import { destroySession, getSession } from "~/services/session.server";
import { readForm } from "~/services/form.server";
import { dispatchIntent } from "~/services/intent.server";
import { getDb } from "~/services/db.server";
import { now } from "~/services/clock.server";
import { signOutEverywhere, signOutSession } from "~/models/sessions.server";
import { auditActorOf } from "~/models/audit.server";
import { SubmitButton } from "~/components/submit-button";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("security.signOut.title", { noindex: true });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) throw redirect("/");
  return { email: user.email };
}

// Two intents; a form without one (a page from before intents) signs out here. Anything else is 400.
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request, 16 * 1024);
  const [session, user] = await Promise.all([getSession(request), getUser(request)]);
  const db = await getDb();
  const done = async () => redirect("/", { headers: { "Set-Cookie": await destroySession(session) } });
  return dispatchIntent(
    form,
    {
      async here() {
        if (session.id) await signOutSession(db, session.id, auditActorOf(user), now());
        return done();
      },
      async everywhere() {
        if (user) await signOutEverywhere(db, user.id, auditActorOf(user), now());
        else if (session.id) await signOutSession(db, session.id, auditActorOf(user), now());
        return done();
      },
    },
    { whenMissing: "here" },
  );
}

export default function SignOut() {
  const t = useT();
  const { email } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("security.signOut.title")}</h1>
      <p>{t("security.signOut.intro", { email })}</p>
      <Form method="post">
        <SubmitButton name="intent" value="here">
          {t("security.signOut.here")}
        </SubmitButton>
      </Form>
      <h2>{t("security.signOut.everywhere")}</h2>
      <p>{t("security.signOut.everywhereHint")}</p>
      <Form method="post">
        <SubmitButton name="intent" value="everywhere" secondary>
          {t("security.signOut.everywhere")}
        </SubmitButton>
      </Form>
    </div>
  );
}
