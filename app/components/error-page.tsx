// The words of an error page, by status: the site's error boundary (root.tsx) and the bureau's
// (routes/beheer.tsx) say the same thing; the bureau's keeps its menu around it.
import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalogue";
import { useT } from "~/i18n/use-t";

export const ERROR_TITLES: Record<number, MessageKey> = {
  400: "forms.error.badRequest.title",
  403: "error.forbidden.title",
  404: "error.notFound.title",
  413: "error.tooLarge.title",
};

const ERROR_TEXTS: Record<number, MessageKey> = {
  400: "forms.error.badRequest.text",
  403: "error.forbidden.text",
  404: "error.notFound.text",
  413: "error.tooLarge.text",
};

export function ErrorMessage({ status, traceId, back }: { status: number; traceId?: string; back?: { to: string; label: MessageKey } }) {
  const t = useT();
  return (
    <div className="narrow">
      <h1>{t(ERROR_TITLES[status] ?? "error.title")}</h1>
      <p>{t(ERROR_TEXTS[status] ?? "error.generic.text", { size: "1 MB" })}</p>
      {status >= 500 && traceId ? <p>{t("security.error.reference", { traceId })}</p> : null}
      <p>
        <Link to={back?.to ?? "/"}>{t(back?.label ?? "error.backHome")}</Link>
      </p>
    </div>
  );
}
