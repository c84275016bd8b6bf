// After "save and continue later": tells where the link was sent.
import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { commitSession, getSession } from "~/services/session.server";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("draftSaved.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const email = session.get("draftEmail");
  if (!email) throw redirect("/aanvragen/nieuw");
  return data({ email }, { headers: { "Set-Cookie": await commitSession(session) } });
}

export default function DraftSaved() {
  const t = useT();
  const { email } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("draftSaved.title")}</h1>
      <p>{t("draftSaved.text", { email })}</p>
    </div>
  );
}
