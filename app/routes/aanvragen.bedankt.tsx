// The confirmation page: the reference number, and what happens next.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getSession } from "~/services/session.server";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("thanks.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const reference = session.get("lastReference");
  if (!reference) throw redirect("/aanvragen/nieuw");
  return { reference, onBehalf: session.get("lastOnBehalf") === true };
}

export default function Thanks() {
  const t = useT();
  const { reference, onBehalf } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("thanks.title")}</h1>
      <p>{t("thanks.reference")}</p>
      <p className="reference" data-testid="reference">
        {reference}
      </p>
      <p>{onBehalf ? t("thanks.mailOnBehalf") : t("thanks.mail")}</p>
      <h2>{t("thanks.next.title")}</h2>
      <p>{t("thanks.next.text")}</p>
      <p>
        <Link to="/aanvragen/nieuw">{t("thanks.again")}</Link>
      </p>
    </div>
  );
}
