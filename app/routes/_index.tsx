import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/services/db.server";
import { getTranslator } from "~/services/locale.server";
import { config } from "~/services/config.server";
import { listEligibleAreas } from "~/models/reference.server";
import { formatCents } from "~/domain/money";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/meta";

export const meta = pageTitle("home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale } = await getTranslator(request);
  const areas = await listEligibleAreas(await getDb());
  return { areas: areas.map((a) => a.name), max: formatCents(config().fundMaxCents, locale) };
}

export default function Home() {
  const t = useT();
  const { areas, max } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <p>{t("home.amount", { max })}</p>
        <p>
          <Link to="/aanvragen/nieuw" className="button">
            {t("home.cta")}
          </Link>
        </p>
      </section>
      <h2>{t("home.who.title")}</h2>
      <p>{t("home.who.text", { areas: areas.join(", ") })}</p>
      <h2>{t("home.how.title")}</h2>
      <ol className="steps">
        <li>{t("home.how.step1")}</li>
        <li>{t("home.how.step2")}</li>
        <li>{t("home.how.step3")}</li>
      </ol>
      <p>
        {t("home.followUp")} <Link to="/mijn-aanvragen">{t("home.followUpLink")}</Link>
      </p>
    </>
  );
}
