// The proposed split of an approval over the pots, beside the approve form: per pot what it would
// pay and why (the reasons of domain/split.ts, in the catalogue's words). A table, so a screen
// reader reads pot, amount and reason together. Changing the split by hand comes later.
import { formatBasisPoints, formatCents } from "~/domain/money";
import type { SplitLine, SplitView } from "~/models/split-views.server";
import { useLocale, useT } from "~/i18n/use-t";
import type { Translate, Locale } from "~/i18n/translate";

function why(line: SplitLine, t: Translate, locale: Locale): string {
  return t(`money.split.reason.${line.reason}`, {
    names: (line.names ?? []).join(", "),
    share: line.shareBasisPoints !== undefined ? formatBasisPoints(line.shareBasisPoints, locale) : "",
    max: line.maxCents !== undefined ? formatCents(line.maxCents, locale) : "",
    available: line.availableCents !== undefined ? formatCents(line.availableCents, locale) : "",
  });
}

export function SplitProposal({ split }: { split: SplitView }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="split-proposal" aria-labelledby="split-proposal-title">
      <h4 id="split-proposal-title">{t("money.split.title")}</h4>
      <p>
        {t("money.split.intro", { amount: formatCents(split.cents, locale) })} {t("money.split.later")}
      </p>
      {split.shortCents !== null ? <p className="notice notice--warning">{t("money.split.short", { short: formatCents(split.shortCents, locale) })}</p> : null}
      {split.noPot ? <p className="notice notice--warning">{t("money.split.noPot")}</p> : null}
      {split.lines.length > 0 ? (
        // No scrolling wrapper: three short columns wrap on a phone, and a scroll region would need a tab stop.
        <table>
          <thead>
            <tr>
              <th scope="col">{t("money.split.pot")}</th>
              <th scope="col" className="num">
                {t("money.split.cents")}
              </th>
              <th scope="col">{t("money.split.why")}</th>
            </tr>
          </thead>
          <tbody>
            {split.lines.map((line) => (
              <tr key={line.potName}>
                <th scope="row">{line.potName}</th>
                <td className="num">{formatCents(line.cents, locale)}</td>
                <td>{why(line, t, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
