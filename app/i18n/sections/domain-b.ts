// Wording for app/domain/ledger.ts, split.ts and forecast.ts: refusals, the per-pot reasons of a
// proposed split, and the forecast's sentence. Key = "<module>.refusal.<reason>",
// "split.reason.<reason>", "forecast.sentence.<key suffix>". Placeholders are filled by the caller:
// - money ({available}, {requested}, {outstanding}, {shortBy}, {max}, {amount}) with formatCents(...)
//   of the cents field of the same name (max ← maxCentsPerGrant, amount ← amountCents,
//   available in split ← availableCents);
// - dates ({date}, {committedOn}, {periodStart}, {periodEnd}, {endDate}) written out for the reader;
// - shares ({share} ← shareBasisPoints, {maxShare} ← maxShareBasisPoints, {sum} ← sumBasisPoints)
//   with formatBasisPoints(...), which writes the percent sign ("0,7%");
// - {pot} with the pot's name (the refusal carries potId), {areas}/{factors} with the names
//   of the refusal's areaIds/factorIds joined by ", "; numbers ({count}, {perMonth}) as they are.
import type { LedgerRefusalReason } from "../../domain/ledger";
import type { PotReason, SplitResult } from "../../domain/split";
import type { ForecastRefusal, RiskLevel, RunRate, SentenceKey } from "../../domain/forecast";

export const nl = {
  "ledger.refusal.not_positive": "Vul een bedrag in dat hoger is dan € 0.",
  "ledger.refusal.not_whole_cents": "Dit bedrag klopt niet. Gebruik hele centen.",
  "ledger.refusal.invalid_date": "Deze datum bestaat niet: {date}.",
  "ledger.refusal.no_parts": "Kies minstens één pot waar het geld uit komt.",
  "ledger.refusal.duplicate_pot": "De pot {pot} staat er twee keer in. Noem elke pot maar één keer.",
  "ledger.refusal.unknown_pot": "Deze pot kennen we niet: {pot}.",
  "ledger.refusal.outside_period": "Dit kan niet op {date}. De pot {pot} loopt van {periodStart} tot en met {periodEnd}.",
  "ledger.refusal.insufficient_funds": "Er is niet genoeg geld in de pot {pot}. Er is nog {available} vrij. U vraagt {requested}.",
  "ledger.refusal.exceeds_outstanding": "Dit is meer dan er nog openstaat voor dit initiatief. Er staat nog {outstanding} open. U vraagt {requested}.",
  "ledger.refusal.nothing_outstanding": "Voor dit initiatief staat geen geld meer open.",
  "ledger.refusal.before_commitment": "Dit kan niet op {date}. Het geld voor dit initiatief is pas op {committedOn} toegezegd. Kies die dag of een dag daarna.",
  "ledger.refusal.duplicate_operation": "Dit is al eens gedaan, maar met andere gegevens. Laad de pagina opnieuw en probeer het nog een keer.",

  "split.refusal.no_eligible_pot": "Er is geen pot die past bij dit initiatief. Kijk naar de datum, de buurt en de beschermende factoren.",
  "split.refusal.insufficient_total": "Er is niet genoeg geld in de pots die passen. Er is {shortBy} te weinig.",
  "split.refusal.not_positive": "Vul een bedrag in dat hoger is dan € 0.",
  "split.refusal.invalid_date": "Deze datum bestaat niet: {date}.",
  "split.refusal.invalid_rule":
    "De standaardverdeling klopt niet. Gebruik procenten met hoogstens twee cijfers achter de komma, samen niet meer dan 100%. Nu is het samen {sum}.",
  "split.refusal.invalid_earmarks":
    "De grenzen van de pot {pot} kloppen niet. Een grens is een bedrag in hele centen of een percentage met hoogstens twee cijfers achter de komma.",
  "split.reason.outside_period": "Niet gebruikt: de activiteit valt buiten de looptijd ({periodStart} tot en met {periodEnd}).",
  "split.reason.only_for_areas": "Niet gebruikt: deze pot is alleen voor {areas}.",
  "split.reason.only_for_factors": "Niet gebruikt: deze pot is alleen voor initiatieven over {factors}.",
  "split.reason.no_funds": "Niet gebruikt: er is geen geld meer in deze pot.",
  "split.reason.share_cap": "Deze pot betaalt hoogstens {maxShare} van een initiatief.",
  "split.reason.amount_cap": "Deze pot betaalt hoogstens {max} per initiatief.",
  "split.reason.all_available": "Al het geld dat nog vrij is in deze pot: {available}.",
  "split.reason.default_share": "Volgens de standaardverdeling: {share}.",
  "split.reason.filled_rest": "Vult aan wat nog ontbrak.",
  "split.reason.not_needed": "Niet nodig: de andere pots betalen alles.",

  "forecast.refusal.invalid_date": "Deze datum bestaat niet: {date}.",
  "forecast.refusal.invalid_period": "De looptijd klopt niet: {periodStart} ligt na {periodEnd}.",
  "forecast.refusal.invalid_month_weights": "Het plan per maand klopt niet. Geef 12 getallen van 0 of hoger. Minstens één moet hoger zijn dan 0.",
  "forecast.refusal.invalid_risk_thresholds":
    "De grenzen voor 'let op' en 'actie nodig' kloppen niet. Gebruik percentages van 0 tot en met 100, met hoogstens twee cijfers achter de komma.",
  "forecast.refusal.no_pots": "Er zijn geen pots om mee te rekenen.",
  "forecast.sentence.on_track": "Bij dit tempo is het budget op {endDate} helemaal besteed.",
  "forecast.sentence.left_over":
    "Bij dit tempo blijft er op {endDate} ongeveer {amount} over: ongeveer {count} initiatieven van gemiddelde grootte. Keur vanaf nu minstens {perMonth} initiatieven per maand goed om het budget te besteden.",
  "forecast.sentence.left_over_unknown_size":
    "Bij dit tempo blijft er op {endDate} ongeveer {amount} over. Keur meer initiatieven goed om het budget te besteden.",
  "forecast.sentence.period_over": "Na {endDate} kan er geen geld meer worden toegezegd. Er blijft {amount} over.",
  "forecast.risk.green": "Op schema",
  "forecast.risk.amber": "Let op",
  "forecast.risk.red": "Actie nodig",
  "forecast.basis.recent_months": "Tempo van de laatste volle maanden",
  "forecast.basis.elapsed": "Tempo sinds het begin van de periode",
  "forecast.basis.plan": "Nog te vroeg om iets te zeggen. We gaan uit van het plan.",
  "forecast.estimate.range": "Tussen {low} en {high}",
} as const;

export const en: Record<keyof typeof nl, string> = {
  "ledger.refusal.not_positive": "Enter an amount above €0.",
  "ledger.refusal.not_whole_cents": "This amount is not valid. Use whole cents.",
  "ledger.refusal.invalid_date": "This date does not exist: {date}.",
  "ledger.refusal.no_parts": "Choose at least one pot the money comes from.",
  "ledger.refusal.duplicate_pot": "The pot {pot} is listed twice. Name each pot only once.",
  "ledger.refusal.unknown_pot": "We do not know this pot: {pot}.",
  "ledger.refusal.outside_period": "This is not possible on {date}. The pot {pot} runs from {periodStart} to {periodEnd}.",
  "ledger.refusal.insufficient_funds": "There is not enough money in the pot {pot}. {available} is still free. You ask for {requested}.",
  "ledger.refusal.exceeds_outstanding": "This is more than is still open for this initiative. {outstanding} is still open. You ask for {requested}.",
  "ledger.refusal.nothing_outstanding": "No money is open for this initiative any more.",
  "ledger.refusal.before_commitment":
    "This is not possible on {date}. The money for this initiative was only committed on {committedOn}. Choose that day or a later one.",
  "ledger.refusal.duplicate_operation": "This was done before, but with different details. Reload the page and try again.",

  "split.refusal.no_eligible_pot": "No pot fits this initiative. Check the date, the neighbourhood and the protective factors.",
  "split.refusal.insufficient_total": "The pots that fit do not hold enough money. {shortBy} is missing.",
  "split.refusal.not_positive": "Enter an amount above €0.",
  "split.refusal.invalid_date": "This date does not exist: {date}.",
  "split.refusal.invalid_rule":
    "The default split is not valid. Use percentages with at most two decimals, together no more than 100%. Now they add up to {sum}.",
  "split.refusal.invalid_earmarks": "The limits of the pot {pot} are not valid. A limit is an amount in whole cents or a percentage with at most two decimals.",
  "split.reason.outside_period": "Not used: the activity is outside the period ({periodStart} to {periodEnd}).",
  "split.reason.only_for_areas": "Not used: this pot is only for {areas}.",
  "split.reason.only_for_factors": "Not used: this pot is only for initiatives about {factors}.",
  "split.reason.no_funds": "Not used: this pot has no money left.",
  "split.reason.share_cap": "This pot pays at most {maxShare} of an initiative.",
  "split.reason.amount_cap": "This pot pays at most {max} per initiative.",
  "split.reason.all_available": "All the money still free in this pot: {available}.",
  "split.reason.default_share": "By the default split: {share}.",
  "split.reason.filled_rest": "Adds what was still missing.",
  "split.reason.not_needed": "Not needed: the other pots pay everything.",

  "forecast.refusal.invalid_date": "This date does not exist: {date}.",
  "forecast.refusal.invalid_period": "The period is not valid: {periodStart} is after {periodEnd}.",
  "forecast.refusal.invalid_month_weights": "The monthly plan is not valid. Give 12 numbers of 0 or more. At least one must be above 0.",
  "forecast.refusal.invalid_risk_thresholds":
    "The limits for 'watch out' and 'action needed' are not valid. Use percentages from 0 to 100, with at most two decimals.",
  "forecast.refusal.no_pots": "There are no pots to calculate with.",
  "forecast.sentence.on_track": "At this pace the budget will be fully spent by {endDate}.",
  "forecast.sentence.left_over":
    "At this pace about {amount} will be left on {endDate}: about {count} initiatives of average size. From now on, approve at least {perMonth} initiatives a month to spend the budget.",
  "forecast.sentence.left_over_unknown_size": "At this pace about {amount} will be left on {endDate}. Approve more initiatives to spend the budget.",
  "forecast.sentence.period_over": "After {endDate} no more money can be committed. {amount} is left.",
  "forecast.risk.green": "On track",
  "forecast.risk.amber": "Watch out",
  "forecast.risk.red": "Action needed",
  "forecast.basis.recent_months": "Pace of the last full months",
  "forecast.basis.elapsed": "Pace since the start of the period",
  "forecast.basis.plan": "Too early to tell. We assume the plan.",
  "forecast.estimate.range": "Between {low} and {high}",
};

// Compile-time check: every code the three modules can return has wording here. If one is
// missing, the type below becomes that key and the assignment fails to type-check.
type Missing = Exclude<
  | `ledger.refusal.${LedgerRefusalReason}`
  | `split.refusal.${Extract<SplitResult, { ok: false }>["reason"]}`
  | `split.reason.${PotReason["reason"]}`
  | `forecast.refusal.${ForecastRefusal["reason"]}`
  | SentenceKey
  | `forecast.risk.${RiskLevel}`
  | `forecast.basis.${RunRate["basis"]}`,
  keyof typeof nl
>;
const everyCodeHasWording: [Missing] extends [never] ? true : Missing = true;
void everyCodeHasWording;
