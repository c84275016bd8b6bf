// Why a bureau member cannot open an application: they declared a conflict of interest on it.
// The detail page answers 403 with {"conflict": kind}; the bureau layout's error page shows this.
import { Link } from "@remix-run/react";
import { CONFLICT_KINDS, type ConflictKind } from "~/domain/review";
import { useT } from "~/i18n/use-t";

/** The kind of conflict in a 403's data, or undefined when the 403 is not about a conflict. */
export function conflictOf(data: unknown): ConflictKind | null | undefined {
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  if (!data || typeof data !== "object" || !("conflict" in data)) return undefined;
  const kind = (data as { conflict: unknown }).conflict;
  return CONFLICT_KINDS.includes(kind as ConflictKind) ? (kind as ConflictKind) : null;
}

export function ConflictMessage({ kind }: { kind: ConflictKind | null }) {
  const t = useT();
  return (
    <div className="narrow">
      <h1>{t("review.conflict.page.title")}</h1>
      <p>{t("review.conflict.page.text")}</p>
      {kind ? <p>{t("review.conflict.page.kind", { kind: t(`review.conflict.kind.${kind}`) })}</p> : null}
      <p>
        <Link to="/beheer/aanvragen">{t("review.conflict.page.back")}</Link>
      </p>
    </div>
  );
}
