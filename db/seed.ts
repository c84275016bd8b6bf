// Demo data: the focus area of Roosendaal, the protective factors, staff for each role and a dozen
// invented applications. Residents and their ideas are made up; no real person is named.
import type { DB } from "../app/services/db.server";
import { createUser } from "../app/models/users.server";
import { submitApplication } from "../app/models/applications.server";
import type { FundSettings } from "../app/models/lifecycle-context.server";
import { amsterdamDate } from "../app/services/clock.server";

export const AREAS = [
  { id: "kalsdonk", name: "Kalsdonk", kind: "wijk" },
  { id: "westrand", name: "Westrand", kind: "wijk" },
  { id: "kroeven", name: "Kroeven", kind: "wijk" },
  { id: "langdonk", name: "Langdonk", kind: "wijk" },
  { id: "hulsdonk", name: "Hulsdonk", kind: "buurt" },
  { id: "fatima", name: "Fatima", kind: "buurt" },
  { id: "centrum-oud", name: "Centrum-Oud", kind: "buurt" },
] as const;

export const FACTORS = [
  {
    id: "ontmoeting",
    name_nl: "Organiseren van ontmoeting",
    explanation_nl: "Mensen uit de buurt komen bij elkaar en leren elkaar kennen.",
    name_en: "Organising encounters",
    explanation_en: "People from the neighbourhood come together and get to know each other.",
  },
  {
    id: "gezinsstructuren",
    name_nl: "Ondersteunende gezinsstructuren",
    explanation_nl: "Ouders en gezinnen krijgen steun van elkaar of van mensen om hen heen.",
    name_en: "Supportive family structures",
    explanation_en: "Parents and families get support from each other or from people around them.",
  },
  {
    id: "stabiele-gezinssituatie",
    name_nl: "Stabiele gezinssituatie",
    explanation_nl: "Gezinnen krijgen meer rust en houvast in het dagelijks leven.",
    name_en: "Stable family situation",
    explanation_en: "Families get more calm and stability in daily life.",
  },
  {
    id: "familierelaties",
    name_nl: "Positieve familierelaties",
    explanation_nl: "Familieleden doen iets samen en gaan beter met elkaar om.",
    name_en: "Positive family relationships",
    explanation_en: "Family members do things together and get on better with each other.",
  },
  {
    id: "verbondenheid",
    name_nl: "Sociale verbondenheid en netwerken",
    explanation_nl: "Mensen weten elkaar te vinden en helpen elkaar, ook na de activiteit.",
    name_en: "Social connectedness and networks",
    explanation_en: "People know where to find each other and help each other, also after the activity.",
  },
  {
    id: "identiteit",
    name_nl: "Positieve identiteitsontwikkeling",
    explanation_nl: "Vooral jongeren ontdekken wat ze kunnen en voelen zich trots op wie ze zijn.",
    name_en: "Positive identity development",
    explanation_en: "Young people especially discover what they can do and feel proud of who they are.",
  },
] as const;

export const DEMO_USERS = [
  { email: "bewoner@example.org", name: "Sanne Verbeek", roles: ["resident"] },
  { email: "buurtwerker@example.org", name: "Youssef Amrani", roles: ["supporter"] },
  { email: "beoordelaar@example.org", name: "Mirjam Kool", roles: ["reviewer"] },
  { email: "tweede.beoordelaar@example.org", name: "Daan Hendriks", roles: ["reviewer"] },
  { email: "fondsbeheer@example.org", name: "Petra van Dijk", roles: ["fund_admin", "reviewer"] },
  { email: "partner@example.org", name: "Ruud Jansen", roles: ["partner"], organisationId: "woningcorporatie" },
] as const;

// One demo idea a line, like a table; prettier would spread each over ten lines.
// prettier-ignore
const IDEAS = [
  ["Samen koken in de Kroeven", "Elke maand koken we met buren uit verschillende landen en eten we samen. Iedereen is welkom, ook kinderen.", "kroeven", ["ontmoeting", "verbondenheid"], 45, 65000, "Lotte Smits", "bewoner@example.org"],
  ["Jeu-de-boulesbaan bij het buurthuis", "Wij willen een jeu-de-boulesbaan aanleggen waar ouderen en jongeren samen kunnen spelen.", "kalsdonk", ["ontmoeting"], 60, 350000, "Henk de Bruijn", "henk.demo@example.org"],
  ["Kledingruil voor gezinnen", "Ouders ruilen kinderkleding die te klein is geworden. Met koffie en een speelhoek.", "westrand", ["gezinsstructuren", "verbondenheid"], 80, 40000, "Aysel Yilmaz", "aysel.demo@example.org"],
  ["Straatfeest Fatima", "Een straatfeest met muziek en hapjes om nieuwe buren welkom te heten.", "fatima", ["ontmoeting"], 120, 150000, "Kees Martens", "kees.demo@example.org"],
  ["Huiswerkclub in de bibliotheek", "Jongeren helpen kinderen uit groep 7 en 8 met huiswerk, twee middagen per week.", "langdonk", ["identiteit", "gezinsstructuren"], 25, 90000, "Noor Bakker", "noor.demo@example.org"],
  ["Moestuin achter de flat", "Met bewoners van de flat maken we een moestuin. De groente delen we.", "hulsdonk", ["verbondenheid"], 30, 120000, "Piet van Loon", "piet.demo@example.org"],
  ["Vader-en-kindochtend", "Vaders doen op zaterdagochtend spelletjes en sport met hun kinderen.", "centrum-oud", ["familierelaties", "stabiele-gezinssituatie"], 20, 35000, "Mohamed El Idrissi", "mohamed.demo@example.org"],
  ["Podcast door jongeren", "Jongeren maken een podcast over hun wijk en interviewen buren.", "westrand", ["identiteit"], 12, 180000, "Sara Peeters", "sara.demo@example.org"],
  ["Burendag Langdonk", "Op burendag maken we samen de speeltuin schoon en eten we daarna samen.", "langdonk", ["ontmoeting", "verbondenheid"], 70, 75000, "Anouk Willems", "anouk.demo@example.org"],
  ["Taalcafé voor moeders", "Moeders oefenen samen Nederlands tijdens een kopje thee, met oppas voor de kleintjes.", "kalsdonk", ["gezinsstructuren", "verbondenheid"], 18, 55000, "Fatma Kaya", "fatma.demo@example.org"],
  ["Voetbaltoernooi tussen straten", "Een voetbaltoernooi waar elke straat een team heeft. Met limonade voor iedereen.", "kroeven", ["ontmoeting", "identiteit"], 150, 210000, "Bram Visser", "bram.demo@example.org"],
  ["Opa's en oma's vertellen", "Ouderen vertellen kinderen verhalen over vroeger in de buurt. We maken er een boekje van.", "fatima", ["familierelaties", "verbondenheid"], 35, 95000, "Gerda Mulder", "gerda.demo@example.org"],
] as const;

export async function isEmpty(db: DB): Promise<boolean> {
  const row = await db
    .selectFrom("areas")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

export async function seedReferenceData(db: DB): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [i, a] of AREAS.entries()) {
      await trx
        .insertInto("areas")
        .values({ id: a.id, name: a.name, kind: a.kind, in_focus: 1, sort_order: i })
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
    }
    for (const [i, f] of FACTORS.entries()) {
      await trx
        .insertInto("factors")
        .values({ ...f, sort_order: i, active: 1 })
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
    }
  });
}

export async function seedDemo(db: DB, settings: FundSettings, now: Date = new Date()): Promise<void> {
  await seedReferenceData(db);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const u of DEMO_USERS) {
      const organisationId = "organisationId" in u ? u.organisationId : null;
      await createUser(trx, { email: u.email, name: u.name, roles: [...u.roles], organisationId, at });
    }
  });
  for (const [i, [title, description, areaId, factorIds, participants, cents, name, email]] of IDEAS.entries()) {
    const submittedAt = new Date(now.getTime() - (IDEAS.length - i) * 26 * 60 * 60 * 1000);
    const activity = new Date(now.getTime() + (20 + i * 9) * 24 * 60 * 60 * 1000);
    await submitApplication(
      db,
      {
        submissionKey: `demo-${i}`,
        name,
        email,
        phone: null,
        areaId,
        title,
        description,
        factorIds: [...factorIds],
        activityDate: amsterdamDate(activity),
        participants,
        amount: cents,
        requestedCents: cents,
        costLines: [],
        publicConsent: i % 3 !== 2,
      },
      { user: null, onBehalf: false, locale: "nl", now: submittedAt, settings },
    );
  }
  // The demo residents are invented: their confirmation mails are not sent anywhere.
  await db.deleteFrom("outbox").where("template", "=", "application-received").where("to_address", "like", "%@example.org").execute();
}
