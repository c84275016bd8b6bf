// Small pieces of the budget pages: a pot's (or the fund's) balances, its risk in words and the
// forecast's sentence. The sentence points to what works (outreach, simpler access, asking for
// deferral in time), never to approving more to spend the money (decision 145).
import type { RiskLevel, Sentence } from "~/domain/forecast";
import type { PotBalance } from "~/domain/ledger";
import { formatCents } from "~/domain/money";
import type { MessageKey } from "~/i18n/catalogue";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "./format";

export function BalanceList({ balance }: { balance: PotBalance }) {
  const t = useT();
  const locale = useLocale();
  const money = (cents: number) => formatCents(cents, locale, { trimZeroCents: true });
  return (
    <dl className="balances">
      {(["budget", "committed", "paid", "available"] as const).map((name) => (
        <div key={name}>
          <dt>{t(`budget.balance.${name}`)}</dt>
          <dd>{money(balance[name])}</dd>
        </div>
      ))}
    </dl>
  );
}

const RISK: Record<RiskLevel, MessageKey> = { green: "forecast.risk.green", amber: "forecast.risk.amber", red: "forecast.risk.red" };

export function RiskBadge({ risk }: { risk: RiskLevel }) {
  const t = useT();
  return (
    <p>
      {t("budget.risk.label")} <strong className={`risk risk--${risk}`}>{t(RISK[risk])}</strong>
    </p>
  );
}

const SENTENCE: Record<Sentence["key"], MessageKey> = {
  "forecast.sentence.on_track": "budget.sentence.on_track",
  "forecast.sentence.left_over": "budget.sentence.left_over",
  "forecast.sentence.left_over_unknown_size": "budget.sentence.left_over_unknown_size",
  "forecast.sentence.period_over": "budget.sentence.period_over",
};

/** The forecast in words, with where outreach helps most when money is left over. */
export function ForecastSentence({ sentence, quiet }: { sentence: Sentence; quiet: readonly string[] }) {
  const t = useT();
  const locale = useLocale();
  const params = {
    endDate: formatDate(sentence.endDate, locale),
    // "ongeveer € 12.400": a forecast is not exact to the cent.
    amount: formatCents(Math.round(sentence.amountCents / 10_000) * 10_000, locale, { trimZeroCents: true }),
    count: sentence.count ?? 0,
  };
  const leftOver = sentence.key !== "forecast.sentence.on_track";
  return (
    <p className="forecast-sentence">
      {t(SENTENCE[sentence.key], params)}
      {leftOver && quiet.length > 0 ? ` ${t("budget.sentence.quiet", { areas: quiet.join(", ") })}` : null}
      {leftOver && sentence.key !== "forecast.sentence.period_over" ? ` ${t("budget.sentence.deferral", { endDate: params.endDate })}` : null}
    </p>
  );
}
