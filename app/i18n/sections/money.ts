// The money of a step (issue 16): why an approval cannot be booked, and the proposed split of a
// grant over the pots on the approve form, with the reason per pot (domain/split.ts PotReason).
export const nl = {
  "money.step.short":
    "Er is niet genoeg geld om {requested} toe te kennen. Nog beschikbaar: {pots}. Kies een lager bedrag of vraag de fondsbeheerder om meer geld in een pot.",
  "money.step.potAvailable": "{pot} {available}",
  "money.step.noPot":
    "Er is geen pot waaruit deze aanvraag op {date} betaald kan worden. Vraag de fondsbeheerder om een pot voor deze periode, wijk of beschermende factor.",
  "money.step.exceedsOutstanding": "Er staat voor deze aanvraag nog {outstanding} open. Meer kan niet worden betaald.",
  "money.split.title": "Uit welke potten het geld komt",
  "money.split.intro": "Voorstel voor {amount}, volgens de vaste verdeling van het fonds. Bij het besluit wordt het geld uit deze potten vastgelegd.",
  "money.split.later": "De verdeling zelf aanpassen kan nog niet.",
  "money.split.pot": "Pot",
  "money.split.cents": "Bedrag",
  "money.split.why": "Waarom",
  "money.split.short": "De potten hebben samen te weinig geld: er ontbreekt {short}. Een besluit over dit bedrag wordt geweigerd.",
  "money.split.noPot": "Geen pot past bij deze aanvraag. Een besluit wordt geweigerd tot er een pot is.",
  "money.split.reason.only_for_areas": "Alleen voor {names}",
  "money.split.reason.only_for_factors": "Alleen voor de beschermende factoren {names}",
  "money.split.reason.no_funds": "Deze pot is leeg",
  "money.split.reason.share_cap": "Betaalt hoogstens {share} van een aanvraag",
  "money.split.reason.amount_cap": "Betaalt hoogstens {max} per aanvraag",
  "money.split.reason.all_available": "Alles wat nog in deze pot zit ({available})",
  "money.split.reason.default_share": "Vaste verdeling: {share}",
  "money.split.reason.filled_rest": "Vult aan wat de andere potten niet betalen",
  "money.split.reason.not_needed": "Niet nodig voor dit bedrag",
} as const;

export const en: Record<keyof typeof nl, string> = {
  "money.step.short":
    "There is not enough money to grant {requested}. Still available: {pots}. Choose a lower amount or ask the fund administrator to put more money in a pot.",
  "money.step.potAvailable": "{pot} {available}",
  "money.step.noPot": "No pot can pay for this application on {date}. Ask the fund administrator for a pot for this period, area or protective factor.",
  "money.step.exceedsOutstanding": "{outstanding} is still open for this application. No more can be paid.",
  "money.split.title": "Which pots the money comes from",
  "money.split.intro": "Proposal for {amount}, following the fund's standard split. When you decide, the money is reserved in these pots.",
  "money.split.later": "Changing the split yourself is not possible yet.",
  "money.split.pot": "Pot",
  "money.split.cents": "Amount",
  "money.split.why": "Why",
  "money.split.short": "Together the pots hold too little money: {short} is missing. A decision on this amount will be refused.",
  "money.split.noPot": "No pot fits this application. A decision will be refused until there is one.",
  "money.split.reason.only_for_areas": "Only for {names}",
  "money.split.reason.only_for_factors": "Only for the protective factors {names}",
  "money.split.reason.no_funds": "This pot is empty",
  "money.split.reason.share_cap": "Pays at most {share} of an application",
  "money.split.reason.amount_cap": "Pays at most {max} per application",
  "money.split.reason.all_available": "Everything still in this pot ({available})",
  "money.split.reason.default_share": "Standard split: {share}",
  "money.split.reason.filled_rest": "Makes up what the other pots do not pay",
  "money.split.reason.not_needed": "Not needed for this amount",
};
