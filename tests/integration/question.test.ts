// A question to the applicant and their answer, posted as Remix posts them, on a real database
// (SQLite or PostgreSQL): the bureau asks (in_review → needs_info, message, audit, mail), the
// applicant changes their application and answers (→ submitted, changes audited with before and
// after, bureau mail), refusals in the catalogue's words, and who may post at all (written out by
// hand). Decision 131: a signed-in resident whose address is the application's answers, also when
// they applied without an account; so does the supporter who sent it; nobody else.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { routeDb, get, run, signedInCookie, identifiersIn, formErrors } from "../support/route-env";
import { createTestUser, count } from "../support/test-db";
import { applicationInput, submitContext } from "../support/applications";
import type { ApplicationInput } from "~/forms/application-schema";
import { submitApplication } from "~/models/applications.server";
import type { DB } from "~/services/db.server";
import * as bureauPage from "~/routes/beheer.aanvragen.$reference";
import * as mine from "~/routes/mijn-aanvragen.$reference";
import * as statusPage from "~/routes/status.$token";

// The mails stay in the outbox to be read here: delivery would empty their text (decision 031).
vi.mock("~/services/mail.server", async (original) => ({ ...(await original<typeof import("~/services/mail.server")>()), kickMailWorker: () => undefined }));

let db: DB;
let cleanup: () => Promise<void>;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
const BUREAU = "bureau@fonds.example";

const PEOPLE = {
  mirjam: { email: "mirjam@example.org", name: "Mirjam Kool", roles: ["reviewer"] },
  sanne: { email: "sanne@example.org", name: "Sanne Test", roles: ["resident"] },
  kees: { email: "kees@example.org", name: "Kees Ander", roles: ["resident"] },
  youssef: { email: "youssef@example.org", name: "Youssef Werker", roles: ["supporter"] },
  fatima: { email: "fatima@example.org", name: "Fatima Werker", roles: ["supporter"] },
  ruud: { email: "ruud@example.org", name: "Ruud", roles: ["partner"] },
} as const;
type Person = keyof typeof PEOPLE;

beforeAll(async () => {
  process.env.BUREAU_EMAIL = BUREAU;
  ({ db, cleanup } = await routeDb());
  const at = new Date().toISOString();
  for (const [key, p] of Object.entries(PEOPLE)) {
    ids[key] = await createTestUser(db, { email: p.email, name: p.name, roles: [...p.roles], at, organisationId: key === "ruud" ? "org" : null });
    cookies[key] = await signedInCookie(ids[key]!);
  }
});
afterAll(() => cleanup());

function form(fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
  return body.toString();
}

function postTo(path: string, cookie: string | null, fields: Record<string, string | string[]>) {
  return new Request(`http://localhost:3000${path}`, {
    method: "POST",
    headers: { ...(cookie ? { Cookie: cookie } : {}), "Content-Type": "application/x-www-form-urlencoded" },
    body: form(fields),
  });
}

const bureau = (reference: string, cookie: string | null, fields: Record<string, string | string[]>) =>
  run(() => bureauPage.action({ request: postTo(`/beheer/aanvragen/${reference}`, cookie, fields), params: { reference }, context: {} }));
const resident = (reference: string, cookie: string | null, fields: Record<string, string | string[]>) =>
  run(() => mine.action({ request: postTo(`/mijn-aanvragen/${reference}`, cookie, fields), params: { reference }, context: {} }));
const residentPage = (reference: string, cookie: string) =>
  run(() => mine.loader({ request: get(`/mijn-aanvragen/${reference}`, cookie), params: { reference }, context: {} }));
const bureauView = (reference: string) =>
  run(() => bureauPage.loader({ request: get(`/beheer/aanvragen/${reference}`, cookies.mirjam), params: { reference }, context: {} }));

const row = (reference: string) => db.selectFrom("applications").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();
const auditsOf = async (reference: string) => {
  const { id } = await row(reference);
  return db.selectFrom("audit_log").selectAll().where("entity_id", "=", id).where("action", "!=", "personal_data.viewed").orderBy("id").execute();
};
const messagesOf = async (reference: string) => {
  const { id } = await row(reference);
  return db.selectFrom("application_messages").select(["kind", "body", "author_user_id"]).where("application_id", "=", id).orderBy("at").execute();
};
const mailsTo = (address: string, template: string) =>
  db
    .selectFrom("outbox")
    .selectAll()
    .where("to_address", "=", address)
    .where("template", "=", template as never)
    .orderBy("created_at")
    .execute();

/** Everything a post could change, to compare before and after a refused one. */
async function snapshot(reference: string) {
  const { id } = await row(reference);
  return {
    application: await row(reference),
    audits: await count(db, "audit_log"),
    mails: await count(db, "outbox"),
    messages: await db.selectFrom("application_messages").selectAll().where("application_id", "=", id).execute(),
    factors: await db.selectFrom("application_factors").selectAll().where("application_id", "=", id).orderBy("factor_id").execute(),
    costLines: await db.selectFrom("application_cost_lines").selectAll().where("application_id", "=", id).orderBy("position").execute(),
  };
}

/** An application by Sanne without an account, taken into review by Mirjam. */
async function inReview(overrides: Partial<ApplicationInput> = {}, ctx: Parameters<typeof submitContext>[0] = {}): Promise<string> {
  const { reference } = await submitApplication(db, applicationInput({ title: `Idee ${Math.random()}`, ...overrides }), submitContext(ctx));
  expect((await bureau(reference, cookies.mirjam!, { intent: "take" })).status).toBe(303);
  return reference;
}

async function asked(overrides: Partial<ApplicationInput> = {}, ctx: Parameters<typeof submitContext>[0] = {}): Promise<string> {
  const reference = await inReview(overrides, ctx);
  expect((await bureau(reference, cookies.mirjam!, { intent: "ask_question", question: "Hoeveel buren koken er mee?" })).status).toBe(303);
  return reference;
}

/** The answer form as the page sends it: the answer and the application's fields, changed or not. */
const answerFields = (over: Record<string, string | string[]> = {}) => ({
  intent: "answer",
  answer: "Ongeveer veertig buren, en de kosten zijn hoger geworden.",
  title: "Samen koken",
  description: "Elke maand koken we met buren.",
  activityDate: "2027-01-15",
  amount: "1.250,50",
  factorIds: ["ontmoeting", "verbondenheid"],
  "costLines[0].description": "Boodschappen",
  "costLines[0].amount": "1.250,50",
  ...over,
});

describe("the bureau asks a question", () => {
  it("needs_info, the question stored as a message and in the audit, a mail to the applicant with the question and the link to answer", async () => {
    const reference = await inReview();
    const result = await bureau(reference, cookies.mirjam!, { intent: "ask_question", question: "  Hoeveel buren koken er mee?  " });
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe(`/beheer/aanvragen/${reference}`);
    expect((await row(reference)).status).toBe("needs_info");
    expect(await messagesOf(reference)).toEqual([{ kind: "question", body: "Hoeveel buren koken er mee?", author_user_id: ids.mirjam }]);
    const audit = (await auditsOf(reference)).at(-1)!;
    expect(audit).toMatchObject({ action: "application.question_asked", actor_label: "mirjam@example.org" });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ status: "needs_info", reason: "Hoeveel buren koken er mee?" });
    const [mail, ...more] = await mailsTo("sanne@example.org", "question");
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(`Een vraag over uw aanvraag ${reference}`);
    expect(mail!.text_body).toContain("Hoeveel buren koken er mee?");
    expect(mail!.text_body).toContain(`http://localhost:3000/mijn-aanvragen/${reference}`);
    expect(mail!.text_body).toContain("U logt in met dit e-mailadres");

    // The bureau's page shows the conversation, says it waits, and offers no second question now.
    const page = await bureauView(reference);
    const data = page.data as { conversation: unknown[]; work: { available: string[] } };
    expect(data.conversation).toEqual([{ kind: "question", body: "Hoeveel buren koken er mee?", at: expect.any(String) }]);
    expect(data.work.available).not.toContain("ask_question");
  });

  it("in English to an applicant who applied in English", async () => {
    const reference = await inReview({ email: "english@example.org" }, { locale: "en" });
    expect((await bureau(reference, cookies.mirjam!, { intent: "ask_question", question: "How many?" })).status).toBe(303);
    const [mail] = await mailsTo("english@example.org", "question");
    expect(mail!.subject).toBe(`A question about your application ${reference}`);
  });

  it("refuses an empty or too long question beside the field, and a question outside review, and changes nothing", async () => {
    const reference = await inReview();
    const before = await snapshot(reference);
    const empty = await bureau(reference, cookies.mirjam!, { intent: "ask_question", question: "   " });
    expect(empty.status).toBe(400);
    expect(formErrors(empty).question).toEqual(["Schrijf uw vraag op."]);
    const long = await bureau(reference, cookies.mirjam!, { intent: "ask_question", question: "x".repeat(2001) });
    expect(formErrors(long).question).toEqual(["Schrijf hoogstens 2000 tekens."]);
    const markup = await bureau(reference, cookies.mirjam!, { intent: "ask_question", question: "<b>Waarom?</b>" });
    expect(formErrors(markup).question).toHaveLength(1);
    expect(await snapshot(reference)).toEqual(before);

    const { reference: fresh } = await submitApplication(db, applicationInput({ title: "Nog niet genomen" }), submitContext());
    const early = await bureau(fresh, cookies.mirjam!, { intent: "ask_question", question: "Waarom?" });
    expect(early.status).toBe(409);
    expect(formErrors(early)[""]).toEqual(["Dit kan nu niet. De aanvraag heeft de status: Ontvangen."]);
    expect((await row(fresh)).status).toBe("submitted");
  });

  it.each<[string, Person | null]>([
    ["anonymous", null],
    ["a resident", "sanne"],
    ["a supporter", "youssef"],
    ["a partner", "ruud"],
  ])("%s posting a question gets 403 and nothing changes", async (_who, person) => {
    const reference = await inReview();
    const before = await snapshot(reference);
    const result = await bureau(reference, person ? cookies[person]! : null, { intent: "ask_question", question: "Waarom?" });
    expect(result.status).toBe(403);
    expect(await snapshot(reference)).toEqual(before);
  });
});

describe("the applicant answers", () => {
  it("sees the question on their page with the answer form, without internal ids", async () => {
    const reference = await asked();
    const page = await residentPage(reference, cookies.sanne!);
    expect(page.status).toBe(200);
    const data = page.data as { conversation: { kind: string; body: string }[]; answerForm: { requestedCents: number; factorIds: string[] } | null };
    expect(data.conversation.map((m) => [m.kind, m.body])).toEqual([["question", "Hoeveel buren koken er mee?"]]);
    expect(data.answerForm).toMatchObject({ requestedCents: 125050, factorIds: ["ontmoeting", "verbondenheid"] });
    expect(identifiersIn(page.data).uuids).toEqual([]);
  });

  it("changes the amount and cost lines and answers: submitted, linked to their account, changes audited with before and after, answer stored, bureau mailed", async () => {
    // Applied without an account; signs in (and so gets one) only to answer.
    const reference = await asked({ email: "later@example.org", name: "Lotte Later", title: "Samen koken" });
    expect((await row(reference)).applicant_user_id).toBeNull();
    const lotte = await createTestUser(db, {
      email: "later@example.org",
      name: "Lotte Later",
      roles: ["resident"],
      at: new Date().toISOString(),
      organisationId: null,
    });
    const cookie = await signedInCookie(lotte);
    const result = await resident(
      reference,
      cookie,
      answerFields({
        title: "Samen koken met de straat",
        amount: "1.500",
        "costLines[0].amount": "1.200",
        "costLines[1].description": "Huur keuken",
        "costLines[1].amount": "300",
        factorIds: ["ontmoeting"],
      }),
    );
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe(`/mijn-aanvragen/${reference}`);
    const after = await row(reference);
    expect(after).toMatchObject({ status: "submitted", requested_cents: 150000, applicant_user_id: lotte });
    expect(
      await db.selectFrom("application_cost_lines").select(["description", "cents"]).where("application_id", "=", after.id).orderBy("position").execute(),
    ).toEqual([
      { description: "Boodschappen", cents: 120000 },
      { description: "Huur keuken", cents: 30000 },
    ]);
    expect(await messagesOf(reference)).toEqual([
      { kind: "question", body: "Hoeveel buren koken er mee?", author_user_id: ids.mirjam },
      { kind: "answer", body: "Ongeveer veertig buren, en de kosten zijn hoger geworden.", author_user_id: lotte },
    ]);
    const audits = (await auditsOf(reference)).slice(-3);
    expect(audits.map((a) => a.action)).toEqual(["application.applicant_linked", "application.changed_by_applicant", "application.submitted"]);
    const changed = audits[1]!;
    expect(changed.actor_label).toBe("later@example.org");
    expect(JSON.parse(audits[0]!.after_json!)).toEqual({ reference, by: "address" });
    expect(JSON.parse(changed.before_json!)).toEqual({
      title: "Samen koken",
      requestedCents: 125050,
      factorIds: ["ontmoeting", "verbondenheid"],
      costLines: [{ description: "Boodschappen", cents: 125050 }],
    });
    expect(JSON.parse(changed.after_json!)).toEqual({
      reference,
      title: "Samen koken met de straat",
      requestedCents: 150000,
      factorIds: ["ontmoeting"],
      costLines: [
        { description: "Boodschappen", cents: 120000 },
        { description: "Huur keuken", cents: 30000 },
      ],
    });
    expect(JSON.parse(audits[2]!.after_json!)).toMatchObject({ status: "submitted" });
    const [notice] = await mailsTo(BUREAU, "bureau-notice");
    expect(notice!.subject).toBe(`Aanvraag ${reference}: de aanvrager heeft uw vraag beantwoord`);

    // Both sides read the conversation; the bureau's history says what changed.
    const page = await residentPage(reference, cookie);
    const mineData = page.data as { conversation: unknown[]; answerForm: unknown; notice: string | null };
    expect(mineData.conversation).toHaveLength(2);
    expect(mineData.answerForm).toBeNull();
    expect(mineData.notice).toBe("answer.done");
    const bureauData = (await bureauView(reference)).data as { conversation: unknown[]; history: { action: string; changed?: unknown }[] };
    expect(bureauData.conversation).toHaveLength(2);
    expect(bureauData.history.find((h) => h.action === "application.changed_by_applicant")?.changed).toEqual([
      { field: "title", before: "Samen koken", after: "Samen koken met de straat" },
      { field: "requestedCents", before: 125050, after: 150000 },
      { field: "factorIds" },
      { field: "costLines" },
    ]);
  });

  it("an answer without changes writes no change row; a second answer (another tab) says it was answered and changes nothing", async () => {
    const reference = await asked();
    expect((await resident(reference, cookies.sanne!, answerFields({ title: (await row(reference)).title }))).status).toBe(303);
    expect((await auditsOf(reference)).map((a) => a.action)).not.toContain("application.changed_by_applicant");
    const before = await snapshot(reference);
    const again = await resident(reference, cookies.sanne!, answerFields({ amount: "999", "costLines[0].amount": "999" }));
    expect(again.status).toBe(409);
    expect(formErrors(again).answer).toEqual(["Deze vraag is al beantwoord. U hoeft niets meer te doen."]);
    expect(await snapshot(reference)).toEqual(before);
  });

  it("bad input comes back beside its field with the input kept, and nothing changes", async () => {
    const reference = await asked();
    const before = await snapshot(reference);
    const result = await resident(reference, cookies.sanne!, answerFields({ answer: "", amount: "veel", title: "" }));
    expect(result.status).toBe(400);
    const errors = formErrors(result);
    expect(errors.answer).toEqual(["Schrijf uw antwoord op."]);
    expect(errors.title).toHaveLength(1);
    expect(errors.amount).toHaveLength(1);
    expect((result.data as { result: { initialValue: Record<string, unknown> } }).result.initialValue.amount).toBe("veel");
    expect(await snapshot(reference)).toEqual(before);
  });

  it("the supporter who sent it for a resident answers too", async () => {
    const user = { id: ids.youssef!, email: PEOPLE.youssef.email, name: PEOPLE.youssef.name, roles: ["supporter" as const], organisationId: null };
    const reference = await asked({ email: "buurman@example.org", name: "Buurman" }, { user, onBehalf: true });
    expect((await mailsTo("youssef@example.org", "question")).length).toBe(1);
    expect((await mailsTo("buurman@example.org", "question")).length).toBe(1);
    expect((await resident(reference, cookies.youssef!, answerFields())).status).toBe(303);
    expect((await row(reference)).status).toBe("submitted");
    expect((await messagesOf(reference)).at(-1)).toMatchObject({ kind: "answer", author_user_id: ids.youssef });
  });

  it.each<[string, Person | null]>([
    ["anonymous", null],
    ["another resident", "kees"],
    ["a supporter of someone else", "fatima"],
    ["a partner", "ruud"],
    ["a reviewer", "mirjam"],
  ])("%s posting an answer gets 403 and nothing changes", async (_who, person) => {
    const reference = await asked();
    const before = await snapshot(reference);
    const result = await resident(reference, person ? cookies[person]! : null, answerFields());
    expect(result.status).toBe(403);
    expect(await snapshot(reference)).toEqual(before);
  });

  it("another resident opening the page gets 404; an unknown intent is 400", async () => {
    const reference = await asked();
    expect((await residentPage(reference, cookies.kees!)).status).toBe(404);
    expect((await resident(reference, cookies.sanne!, { intent: "approve" })).status).toBe(400);
  });
});

describe("the status link", () => {
  it("shows the question read only, with no answer form", async () => {
    const reference = await asked({ email: "status@example.org" });
    const mail = await db
      .selectFrom("outbox")
      .select("text_body")
      .where("template", "=", "application-received")
      .where("text_body", "like", `%${reference}%`)
      .executeTakeFirstOrThrow();
    const token = /\/status\/([\w-]+)/.exec(mail.text_body)![1]!;
    const page = await run(() => statusPage.loader({ request: get(`/status/${token}`), params: { token }, context: {} }));
    expect(page.status).toBe(200);
    const data = page.data as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(["application", "conversation", "history"]);
    expect((data.conversation as { body: string }[]).map((m) => m.body)).toEqual(["Hoeveel buren koken er mee?"]);
    expect(identifiersIn(data)).toEqual({ emails: [], uuids: [], hashes: [] });
  });
});
