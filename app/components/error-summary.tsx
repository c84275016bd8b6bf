// The list of what is wrong, at the top of the form, each item a link to its field.
// It takes focus after a failed submit (when focusKey changes), so keyboard and screen-reader
// users start here; it never takes focus while someone is typing.
import { useEffect, useRef } from "react";
import { useT } from "~/i18n/use-t";

/** One thing to fix; without a field (a refusal of the whole form) it is plain text, not a link. */
export type SummaryItem = { fieldId?: string; message: string };

/**
 * The summary's items from conform's errors (form.allErrors): the form's own errors (key "") first,
 * then each field's, linked to the input `idOf` names for it.
 */
export function summaryItems(
  errors: Record<string, readonly string[] | null | undefined>,
  idOf: (name: string) => string = (name) => name,
  skip: readonly string[] = [],
): SummaryItem[] {
  const entries = Object.entries(errors).filter(([name, messages]) => messages?.length && !skip.includes(name));
  const own = entries.filter(([name]) => name === "").map(([, messages]) => ({ message: messages!.join(" ") }));
  const fields = entries.filter(([name]) => name !== "").map(([name, messages]) => ({ fieldId: idOf(name), message: messages!.join(" ") }));
  return [...own, ...fields];
}

export function ErrorSummary({ items, focusKey }: { items: SummaryItem[]; focusKey?: unknown }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const hasItems = items.length > 0;
  useEffect(() => {
    if (hasItems) ref.current?.focus();
    // Only a new submit moves focus; items changing while typing must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);
  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{items.length === 1 ? t("errors.summary.one") : t("errors.summary.many", { count: items.length })}</h2>
      <p>{t("errors.summary.intro")}</p>
      <ul>
        {items.map((item) => (
          <li key={`${item.fieldId ?? ""} ${item.message}`}>{item.fieldId ? <a href={`#${item.fieldId}`}>{item.message}</a> : item.message}</li>
        ))}
      </ul>
    </div>
  );
}
