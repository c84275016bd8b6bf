// The placeholders of a step's money refusal (models/ledger-effects.server.ts): the amount asked,
// and each pot that could have paid with what it still holds, so the bureau sees which pot is short.
import { formatCents } from "~/domain/money";
import type { MoneyRefusal } from "~/models/ledger-effects.server";
import type { Locale, MessageParams, Translate } from "~/i18n/translate";
import { formatDate } from "~/components/format";

export function moneyParams(refusal: MoneyRefusal, t: Translate, locale: Locale): MessageParams {
  switch (refusal.reason) {
    case "money_short":
      return {
        requested: formatCents(refusal.requestedCents, locale),
        pots: refusal.pots.map((p) => t("money.step.potAvailable", { pot: p.name, available: formatCents(p.availableCents, locale) })).join("; "),
      };
    case "no_pot_fits":
      return { date: formatDate(refusal.date, locale) };
    case "exceeds_outstanding":
      return { outstanding: formatCents(refusal.outstandingCents, locale) };
  }
}
