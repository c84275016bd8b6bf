// Signing out ends the session on the server, so a copied cookie no longer works. "Everywhere"
// ends every session of this user (a phone left at a community centre, a shared computer).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getUser } from "~/services/auth.server";
import { destroySession, getSession } from "~/services/session.server";
import { readForm } from "~/services/form.server";
import { getDb } from "~/services/db.server";
import { now } from "~/services/clock.server";
import { signOutEverywhere, signOutSession } from "~/models/sessions.server";
import { auditActorOf } from "~/models/applications.server";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("security.signOut.title", { noindex: true });

const IntentSchema = z.enum(["here", "everywhere"]).catch("here");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) throw redirect("/");
  return { email: user.email };
}

export async function action({ request }: ActionFunctionArgs) {
  const intent = IntentSchema.parse((await readForm(request)).get("intent"));
  const [session, user] = await Promise.all([getSession(request), getUser(request)]);
  const db = await getDb();
  if (user && intent === "everywhere") await signOutEverywhere(db, user.id, auditActorOf(user), now());
  else if (session.id) await signOutSession(db, session.id, auditActorOf(user), now());
  return redirect("/", { headers: { "Set-Cookie": await destroySession(session) } });
}

export default function SignOut() {
  const t = useT();
  const { email } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("security.signOut.title")}</h1>
      <p>{t("security.signOut.intro", { email })}</p>
      <Form method="post">
        <button type="submit" name="intent" value="here" className="button">
          {t("security.signOut.here")}
        </button>
      </Form>
      <h2>{t("security.signOut.everywhere")}</h2>
      <p>{t("security.signOut.everywhereHint")}</p>
      <Form method="post">
        <button type="submit" name="intent" value="everywhere" className="button button--secondary">
          {t("security.signOut.everywhere")}
        </button>
      </Form>
    </div>
  );
}
