// Invented Dutch names and ideas for generated data. No real person is named; the focus-area
// names are real municipalities and the first one keeps the demo's Roosendaal areas.

export const FIRST_NAMES = [
  "Sanne", "Youssef", "Mirjam", "Daan", "Petra", "Ruud", "Lotte", "Henk", "Aysel", "Kees", "Noor", "Piet",
  "Mohamed", "Sara", "Anouk", "Fatma", "Bram", "Gerda", "Emma", "Liam", "Julia", "Sem", "Mila", "Lucas",
  "Tess", "Finn", "Zoë", "Milan", "Nora", "Levi", "Yara", "Adam", "Fenna", "Noah", "Saar", "Ibrahim",
  "Esra", "Kevin", "Priya", "Wim", "Ans", "Joost", "Marloes", "Hatice", "Rachid", "Ilse", "Thijs", "Dewi",
] as const;

export const LAST_NAMES = [
  "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos",
  "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
  "van der Meer", "Kaya", "Yilmaz", "El Idrissi", "Amrani", "Bouzid", "Öztürk", "Pinas", "Kromodimedjo", "Nguyen",
] as const;

/** Twenty focus areas (gebieden); each gets its own wijken and buurten. */
export const FOCUS_AREAS = [
  "Roosendaal", "Rotterdam-Zuid", "Den Haag Zuidwest", "Amsterdam Zuidoost", "Amsterdam Nieuw-West",
  "Utrecht Overvecht", "Schiedam", "Vlaardingen", "Zaanstad", "Lelystad", "Arnhem", "Nijmegen", "Emmen",
  "Leeuwarden", "Groningen", "Zwolle", "Tilburg", "Breda", "Heerlen", "Den Helder",
] as const;

export const PLACE_PARTS = {
  start: ["Berg", "Linden", "Eiken", "Wilgen", "Molen", "Kerk", "Beek", "Heide", "Rozen", "Vogel", "Dijk", "Hof", "Zon", "Water", "Bloemen"],
  end: ["hof", "wijk", "veld", "donk", "kamp", "dorp", "park", "buurt", "hoek", "rode", "laan", "weide"],
} as const;

export const IDEAS = [
  ["Samen koken", "Elke maand koken we met buren uit verschillende landen en eten we samen."],
  ["Jeu-de-boulesbaan", "Wij leggen een baan aan waar ouderen en jongeren samen kunnen spelen."],
  ["Kledingruil", "Ouders ruilen kinderkleding die te klein is geworden, met koffie en een speelhoek."],
  ["Straatfeest", "Een feest met muziek en hapjes om nieuwe buren welkom te heten."],
  ["Huiswerkclub", "Jongeren helpen kinderen uit groep 7 en 8 met huiswerk, twee middagen per week."],
  ["Moestuin", "Met bewoners maken we een moestuin. De groente delen we."],
  ["Vader-en-kindochtend", "Vaders doen op zaterdagochtend spelletjes en sport met hun kinderen."],
  ["Podcast over de wijk", "Jongeren maken een podcast over hun wijk en interviewen buren."],
  ["Burendag", "We maken samen de speeltuin schoon en eten daarna samen."],
  ["Taalcafé", "Buren oefenen samen Nederlands tijdens een kopje thee, met oppas voor de kleintjes."],
  ["Voetbaltoernooi", "Elke straat heeft een team. Met limonade voor iedereen."],
  ["Verhalen van vroeger", "Ouderen vertellen kinderen over vroeger in de buurt. We maken er een boekje van."],
  ["Repair café", "Buren repareren samen fietsen, lampen en kleren in plaats van ze weg te gooien."],
  ["Buurtbieb", "Een kast met boeken bij de school, die buren samen bijhouden."],
  ["Wandelgroep", "Elke week een wandeling door de wijk, voor wie niet graag alleen loopt."],
  ["Muziekmiddag", "Kinderen en ouderen maken samen muziek in het buurthuis."],
] as const;

export const COST_ITEMS = ["Boodschappen", "Huur zaal", "Materiaal", "Drukwerk", "Muziek", "Spelmateriaal", "Planten en zaden", "Koffie en thee", "Vervoer", "Verzekering"] as const;

export const REASONS = {
  question: ["Kunt u de kosten beter uitleggen?", "Wie doen er mee aan de activiteit?", "Waar vindt de activiteit plaats?", "Hoe vaak komt u bij elkaar?"],
  decline: ["Het idee past niet bij de beschermfactoren.", "Er is al een vergelijkbaar plan in deze buurt.", "De kosten zijn niet duidelijk genoeg."],
  cancel: ["De activiteit gaat niet door.", "De aanvrager heeft afgezegd.", "De locatie is niet meer beschikbaar."],
  sendBack: ["Het bedrag klopt niet met de begroting.", "Graag eerst met de aanvrager bellen."],
  override: ["Deze buurt grenst aan het focusgebied en doet mee met de wijkaanpak.", "Het bureau heeft dit besproken en is akkoord."],
  withdraw: ["We hebben het zelf kunnen betalen.", "Het plan gaat niet door.", ""],
} as const;
