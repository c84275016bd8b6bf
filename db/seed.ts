// Demo data: the focus area of Roosendaal, the protective factors, the fund's pots (seed-funding.ts),
// staff for each role and a dozen invented applications. Residents and their ideas are made up; no real person is named.
import type { DB } from "../app/services/db.server";
import { createUser } from "../app/models/users.server";
import { submitApplication } from "../app/models/applications.server";
import { applicationIdOf, applyLifecycleAction } from "../app/models/lifecycle.server";
import { applyOwnerStep } from "../app/models/ownership.server";
import type { ApplicationInput } from "../app/forms/application-schema";
import { declareConflict, saveReview } from "../app/models/review.server";
import { getUserById, findUserIdByEmail, type User } from "../app/models/users.server";
import type { FactorJudgement } from "../app/domain/review";
import type { FundSettings } from "../app/models/lifecycle-context.server";
import { amsterdamDate } from "../app/services/clock.server";
import { answerQuestion, askQuestion } from "../app/models/questions.server";
import { currentApplicantFields } from "../app/models/applicant-changes.server";
import { seedFunding } from "./seed-funding";

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

/** The form's two optional questions, answered on some demo ideas (by index in IDEAS). */
const DEMO_ANSWERS: Partial<Record<number, Pick<ApplicationInput, "helpWanted" | "foundVia" | "foundViaOther">>> = {
  0: { helpWanted: ["space"], foundVia: "neighbourhood_worker" },
  1: { helpWanted: ["permit", "insurance"], foundVia: "poster" },
  3: { helpWanted: ["permit"], foundVia: "word_of_mouth" },
  5: { helpWanted: ["professional"], foundVia: "advice_bus" },
  6: { foundVia: "walk_in" },
  9: { helpWanted: ["space"], foundVia: "other", foundViaOther: "Het consultatiebureau" },
};

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
  await seedFunding(db, { spukFundSharePercent: settings.spukFundSharePercent, now });
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
        ...DEMO_ANSWERS[i],
      },
      { user: null, onBehalf: false, locale: "nl", now: submittedAt, settings },
    );
  }
  await seedBureauWork(db, settings, now);
  await seedResidentWork(db, settings, now);
  // The demo residents are invented: their mails are not sent anywhere.
  await db
    .deleteFrom("outbox")
    .where("template", "in", ["application-received", "decision", "cancelled", "question", "withdrawn"])
    .where("to_address", "like", "%@example.org")
    .execute();
}

/**
 * The bureau at work, through the same write paths as the screens: two applications in review
 * with a review, one approved with help besides money, one declined, one waiting for a second
 * reviewer, one on which a reviewer declared a conflict. The oldest ones stay untouched (the
 * list shows them as waiting, one of them late).
 */
async function seedBureauWork(db: DB, settings: FundSettings, now: Date): Promise<void> {
  const staff = async (email: string): Promise<User> => (await getUserById(db, (await findUserIdByEmail(db, email))!))!;
  const [mirjam, daan] = [await staff("beoordelaar@example.org"), await staff("tweede.beoordelaar@example.org")];
  const idOf = async (i: number) =>
    (await applicationIdOf(
      db,
      (await db.selectFrom("applications").select("reference").where("submission_key", "=", `demo-${i}`).executeTakeFirstOrThrow()).reference,
    ))!;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 60 * 60 * 1000);
  const step = async (
    i: number,
    action: Parameters<typeof applyLifecycleAction>[2],
    by: User,
    hoursAgo: number,
    details?: Parameters<typeof applyLifecycleAction>[4]["details"],
  ) => {
    const result = await applyLifecycleAction(db, await idOf(i), action, by, { settings, details }, at(hoursAgo));
    if (!result.ok) throw new Error(`Demo step ${action.type} on demo-${i} was refused: ${result.reason}`);
  };
  const review = async (i: number, judgements: FactorJudgement[], note: string | null, hoursAgo: number) => {
    const result = await saveReview(db, await idOf(i), mirjam, { judgements, note }, at(hoursAgo));
    if (!result.ok) throw new Error(`Demo review on demo-${i} was refused: ${result.reason}`);
  };
  const j = (factorId: string, judgement: FactorJudgement["judgement"], motivation: string): FactorJudgement => ({ factorId, judgement, motivation });

  // In review, with a review: the clothing swap (demo-2) and the vegetable garden (demo-5).
  await step(2, { type: "take" }, mirjam, 30);
  await review(
    2,
    [
      j("gezinsstructuren", "strong", "Ouders helpen elkaar met kleding en leren elkaar kennen."),
      j("verbondenheid", "sufficient", "Er komt een groepsapp, zodat het daarna doorgaat."),
    ],
    "Vorig jaar ook gedaan, goed verantwoord.",
    29,
  );
  await step(5, { type: "take" }, mirjam, 28);
  await review(5, [j("verbondenheid", "strong", "De flat deelt de oogst."), j("ontmoeting", "sufficient", "Elke zaterdag samen in de tuin.")], null, 27);
  // Approved, with help besides money: the street party (demo-3).
  await step(3, { type: "take" }, mirjam, 26);
  await review(3, [j("ontmoeting", "strong", "Nieuwe buren worden welkom geheten.")], null, 25);
  await step(3, { type: "approve", grantedCents: 125_000 }, mirjam, 24, {
    conditions: "Stuur na het feest een paar foto's en de bonnetjes.",
    help: ["space", "permit"],
  });
  // Declined: the homework club (demo-4).
  await step(4, { type: "take" }, daan, 23);
  await step(4, { type: "decline", reason: "De bibliotheek geeft deze huiswerkhulp al, ook op dezelfde middagen." }, daan, 22, {
    alternatives: "Vraag de bibliotheek of u als vrijwilliger mee kunt helpen, of kom met een idee voor de zaterdag.",
  });
  // Waiting for a second reviewer: the jeu-de-boules court (demo-1), above the threshold.
  await step(1, { type: "take" }, mirjam, 21);
  await review(1, [j("ontmoeting", "strong", "Ouderen en jongeren spelen samen.")], null, 20);
  await step(1, { type: "approve", grantedCents: 300_000 }, mirjam, 19, { conditions: "Overleg over de plek met de gemeente.", help: ["permit"] });
  // A declared conflict: the youth podcast (demo-7), Mirjam's neighbour; Daan took it.
  await step(7, { type: "take" }, daan, 18);
  const conflict = await declareConflict(db, await idOf(7), mirjam, { kind: "own_street", note: "De aanvrager woont bij mij in de straat." }, at(17));
  if (!conflict.ok) throw new Error(`Demo conflict was refused: ${conflict.reason}`);
  await seedQuestions(db, settings, { mirjam, daan, idOf, at });
}

/**
 * Questions to applicants, through the same models as the screens: the demo resident's cooking
 * evenings (demo-0) wait for her answer; the father-and-child mornings (demo-6) were asked about,
 * answered with a higher amount, and are back with the bureau.
 */
async function seedQuestions(
  db: DB,
  settings: FundSettings,
  { mirjam, daan, idOf, at }: { mirjam: User; daan: User; idOf: (i: number) => Promise<string>; at: (hoursAgo: number) => Date },
): Promise<void> {
  const ok = (result: { ok: boolean; reason?: string }, what: string) => {
    if (!result.ok) throw new Error(`Demo ${what} was refused: ${result.reason}`);
  };
  ok(await applyLifecycleAction(db, await idOf(0), { type: "take" }, mirjam, { settings }, at(16)), "take of demo-0");
  ok(
    await askQuestion(
      db,
      await idOf(0),
      mirjam,
      "Wie kookt er mee? Zijn dat vooral buren uit uw eigen straat, of ook uit andere delen van de wijk?",
      settings,
      at(15),
    ),
    "question on demo-0",
  );

  const fathers = await idOf(6);
  ok(await applyLifecycleAction(db, fathers, { type: "take" }, daan, { settings }, at(14)), "take of demo-6");
  ok(
    await askQuestion(db, fathers, daan, "Waar geeft u het geld aan uit? Wilt u de kosten per onderdeel opschrijven?", settings, at(13)),
    "question on demo-6",
  );
  // Mohamed signs in with his address (that makes his account) and answers.
  const mohamed = (await getUserById(
    db,
    await db
      .transaction()
      .execute((trx) =>
        createUser(trx, { email: "mohamed.demo@example.org", name: "Mohamed El Idrissi", roles: ["resident"], organisationId: null, at: at(6).toISOString() }),
      ),
  ))!;
  const changes = {
    ...(await currentApplicantFields(db, fathers)),
    requestedCents: 42_000,
    costLines: [
      { description: "Huur gymzaal, tien zaterdagen", cents: 25_000 },
      { description: "Ballen, pionnen en spelletjes", cents: 10_000 },
      { description: "Koffie, thee en fruit", cents: 7_000 },
    ],
  };
  const answer = "De gymzaal kost meer dan ik dacht. Ik heb de kosten hieronder opgeschreven en het bedrag aangepast.";
  ok(await answerQuestion(db, fathers, mohamed, { answer, changes }, settings, at(5)), "answer on demo-6");
}

/**
 * The resident's own step: the language café (demo-9) was withdrawn by its applicant, who had sent it
 * without an account and signed in later with the same address (linked through models/ownership).
 */
async function seedResidentWork(db: DB, settings: FundSettings, now: Date): Promise<void> {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 60 * 60 * 1000);
  const fatmaId = await db
    .transaction()
    .execute((trx) =>
      createUser(trx, { email: "fatma.demo@example.org", name: "Fatma Kaya", roles: ["resident"], organisationId: null, at: at(16).toISOString() }),
    );
  const fatma = (await getUserById(db, fatmaId))!;
  const id = (await applicationIdOf(
    db,
    (await db.selectFrom("applications").select("reference").where("submission_key", "=", "demo-9").executeTakeFirstOrThrow()).reference,
  ))!;
  const result = await applyOwnerStep(
    db,
    id,
    { type: "withdraw", reason: "We hebben al een ruimte en vrijwilligers via de moskee." },
    fatma,
    { settings },
    at(15),
  );
  if (!result.ok) throw new Error(`Demo withdrawal was refused: ${result.reason}`);
}
