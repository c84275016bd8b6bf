// On the status link's page (read only, decision 041): how to answer the bureau's question. The
// link is to the applicant's own page, behind signing in with their address (decision 131).
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

export function SignInToAnswer({ reference }: { reference: string }) {
  const t = useT();
  const to = `/inloggen?terug=${encodeURIComponent(`/mijn-aanvragen/${reference}`)}`;
  return (
    <div className="notice">
      <p>{t("answer.statusLink.signIn")}</p>
      <p>
        <Link to={to}>{t("answer.statusLink.signInLink")}</Link>
      </p>
    </div>
  );
}
