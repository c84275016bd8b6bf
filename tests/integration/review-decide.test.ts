// The bureau reviews and decides, posted to /beheer/aanvragen/<reference> as Remix posts it, on a
// real database (SQLite or PostgreSQL): each step and each refusal, with the database checked
// after; who may post at all (written out by hand); a declared conflict closes the page.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { routeDb, get, run, signedInCookie, identifiersIn, formErrors } from "../support/route-env";
import { createTestUser, count } from "../support/test-db";
import { applicationInput, submitContext } from "../support/applications";
import type { ApplicationInput } from "~/forms/application-schema";
import { submitApplication } from "~/models/applications.server";
import { ownApplicationView } from "~/models/application-views.server";
import { getUserById } from "~/models/users.server";
import type { DB } from "~/services/db.server";
import * as page from "~/routes/beheer.aanvragen.$reference";
import * as mine from "~/routes/mijn-aanvragen.$reference";

// The mails stay in the outbox to be read here: delivery would empty their text (decision 031).
vi.mock("~/services/mail.server", async (original) => ({ ...(await original<typeof import("~/services/mail.server")>()), kickMailWorker: () => undefined }));

let db: DB;
let cleanup: () => Promise<void>;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

const PEOPLE = {
  mirjam: { email: "mirjam@example.org", name: "Mirjam Kool", roles: ["reviewer"] },
  daan: { email: "daan@example.org", name: "Daan Hendriks", roles: ["reviewer"] },
  petra: { email: "petra@example.org", name: "Petra van Dijk", roles: ["fund_admin", "reviewer"] },
  sanne: { email: "sanne@example.org", name: "Sanne Test", roles: ["resident"] },
  youssef: { email: "youssef@example.org", name: "Youssef", roles: ["supporter"] },
  ruud: { email: "ruud@example.org", name: "Ruud", roles: ["partner"] },
} as const;

beforeAll(async () => {
  ({ db, cleanup } = await routeDb());
  const at = new Date().toISOString();
  for (const [key, p] of Object.entries(PEOPLE)) {
    ids[key] = await createTestUser(db, { email: p.email, name: p.name, roles: [...p.roles], at, organisationId: key === "ruud" ? "org" : null });
    cookies[key] = await signedInCookie(ids[key]!);
  }
});
afterAll(() => cleanup());

async function apply(overrides: Partial<ApplicationInput> = {}): Promise<string> {
  const { reference } = await submitApplication(db, applicationInput({ costLines: [], title: `Idee ${Math.random()}`, ...overrides }), submitContext());
  return reference;
}

function post(reference: string, cookie: string | null, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
  const request = new Request(`http://localhost:3000/beheer/aanvragen/${reference}`, {
    method: "POST",
    headers: { ...(cookie ? { Cookie: cookie } : {}), "Content-Type": "application/x-www-form-urlencoded" },
    body: body.toString(),
  });
  return run(() => page.action({ request, params: { reference }, context: {} }));
}

const open = (reference: string, cookie: string) =>
  run(() => page.loader({ request: get(`/beheer/aanvragen/${reference}`, cookie), params: { reference }, context: {} }));
const row = (reference: string) => db.selectFrom("applications").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();
const lastAudit = async (reference: string) => {
  const { id } = await row(reference);
  return db.selectFrom("audit_log").selectAll().where("entity_id", "=", id).orderBy("id", "desc").executeTakeFirstOrThrow();
};
const mailsTo = (address: string) => db.selectFrom("outbox").selectAll().where("to_address", "=", address).orderBy("created_at").execute();

/** Everything a step could change, to compare before and after a refused post. */
async function snapshot(reference: string) {
  const { id } = await row(reference);
  return {
    application: await row(reference),
    audits: await count(db, "audit_log"),
    mails: await count(db, "outbox"),
    judgements: await db.selectFrom("review_judgements").selectAll().where("application_id", "=", id).execute(),
    decisions: await db.selectFrom("application_decisions").selectAll().where("application_id", "=", id).execute(),
    conflicts: await db.selectFrom("conflicts_of_interest").selectAll().where("application_id", "=", id).execute(),
  };
}

async function taken(overrides: Partial<ApplicationInput> = {}, by = "mirjam"): Promise<string> {
  const reference = await apply(overrides);
  expect((await post(reference, cookies[by]!, { intent: "take" })).status).toBe(303);
  return reference;
}

describe("taking and assigning", () => {
  it("a reviewer takes an application: in review, assigned to them, audited", async () => {
    const reference = await apply();
    const result = await post(reference, cookies.mirjam!, { intent: "take" });
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe(`/beheer/aanvragen/${reference}`);
    expect(await row(reference)).toMatchObject({ status: "in_review", assigned_user_id: ids.mirjam });
    expect(await lastAudit(reference)).toMatchObject({ action: "application.taken", actor_label: "mirjam@example.org" });
    // A second reviewer a moment later: a refusal in the catalogue's words, nothing changed.
    const before = await snapshot(reference);
    const late = await post(reference, cookies.daan!, { intent: "take" });
    expect(late.status).toBe(409);
    expect(formErrors(late)[""]).toEqual(["Dit kan nu niet. De aanvraag heeft de status: We bekijken uw aanvraag."]);
    expect(await snapshot(reference)).toEqual(before);
  });

  it("a fund administrator reassigns it; a reviewer may not, nor to someone who is not a reviewer", async () => {
    const reference = await taken();
    const byReviewer = await post(reference, cookies.daan!, { intent: "assign", assignee: "daan@example.org" });
    expect(byReviewer.status).toBe(409);
    expect(formErrors(byReviewer)[""]).toEqual(["U mag dit niet doen."]);
    const toResident = await post(reference, cookies.petra!, { intent: "assign", assignee: "sanne@example.org" });
    expect(formErrors(toResident).assignee).toEqual(["Deze persoon is geen beoordelaar."]);
    expect((await row(reference)).assigned_user_id).toBe(ids.mirjam);

    expect((await post(reference, cookies.petra!, { intent: "assign", assignee: "Daan@example.org" })).status).toBe(303);
    expect((await row(reference)).assigned_user_id).toBe(ids.daan);
    const audit = await lastAudit(reference);
    expect(audit.action).toBe("application.assigned");
    expect(JSON.parse(audit.before_json!)).toEqual({ assignedTo: "mirjam@example.org" });
    expect(JSON.parse(audit.after_json!)).toEqual({ reference, assignedTo: "daan@example.org" });
    // Nothing chosen: the field says so.
    expect(formErrors(await post(reference, cookies.petra!, { intent: "assign", assignee: "" })).assignee).toEqual(["Kies een beoordelaar."]);
  });
});

describe("a conflict of interest", () => {
  it("is declared with its kind and note, ends the assignment, and from then on the page is closed to them", async () => {
    const reference = await taken({ name: "Buurvrouw Geheim", email: "buurvrouw@example.org" });
    expect(formErrors(await post(reference, cookies.mirjam!, { intent: "conflict" })).kind).toEqual(["Kies hoe u betrokken bent."]);
    const result = await post(reference, cookies.mirjam!, { intent: "conflict", kind: "own_street", note: "Ze woont naast mij." });
    expect(result.status).toBe(303);
    expect(result.headers.get("Location")).toBe("/beheer/aanvragen");
    const { id } = await row(reference);
    expect(await db.selectFrom("conflicts_of_interest").select(["user_id", "kind", "reason"]).where("application_id", "=", id).execute()).toEqual([
      { user_id: ids.mirjam, kind: "own_street", reason: "Ze woont naast mij." },
    ]);
    expect((await row(reference)).assigned_user_id).toBeNull();
    const audit = await lastAudit(reference);
    expect(audit.action).toBe("application.conflict_declared");
    expect(JSON.parse(audit.after_json!)).toEqual({ reference, kind: "own_street", note: "Ze woont naast mij.", unassigned: true });

    // The page: 403 with the reason, no personal data, and no "viewed" row.
    const views = await count(db, "audit_log");
    const opened = await open(reference, cookies.mirjam!);
    expect(opened.status).toBe(403);
    expect(JSON.parse(opened.data as string)).toEqual({ conflict: "own_street" });
    expect(JSON.stringify(opened.data)).not.toContain("Buurvrouw");
    expect(await count(db, "audit_log")).toBe(views);
    // Every intent is refused the same way, and nothing changes.
    const before = await snapshot(reference);
    for (const intent of ["take", "review", "approve", "decline", "conflict", "cancel"]) {
      expect((await post(reference, cookies.mirjam!, { intent, amount: "100", reason: "x", alternatives: "y", kind: "family" })).status, intent).toBe(403);
    }
    expect(await snapshot(reference)).toEqual(before);
    // A colleague still opens it and may not assign it back to her.
    expect((await open(reference, cookies.daan!)).status).toBe(200);
    expect(formErrors(await post(reference, cookies.petra!, { intent: "assign", assignee: "mirjam@example.org" })).assignee).toEqual([
      "Deze beoordelaar is betrokken bij de aanvraag. Kies iemand anders.",
    ]);
  });
});

describe("the review per protective factor", () => {
  it("stores a judgement per declared factor, a factor the bureau adds, and a note for the bureau only", async () => {
    const reference = await taken({ factorIds: ["ontmoeting", "verbondenheid"] });
    // Leaving a declared factor out is refused in the catalogue's words.
    const partial = await post(reference, cookies.mirjam!, {
      intent: "review",
      "factors[0].factorId": "ontmoeting",
      "factors[0].judgement": "strong",
      "factors[0].motivation": "Buren ontmoeten elkaar.",
    });
    expect(partial.status).toBe(409);
    expect(formErrors(partial)[""]).toEqual(["Beoordeel elke beschermfactor die de bewoner noemde."]);
    // A missing judgement is a field error (400), with the input kept.
    const invalid = await post(reference, cookies.mirjam!, { intent: "review", "factors[0].factorId": "ontmoeting", "factors[0].motivation": "Goed" });
    expect(invalid.status).toBe(400);
    expect(formErrors(invalid)["factors[0].judgement"]).toEqual(["Kies sterk, voldoende of onvoldoende."]);
    expect(await db.selectFrom("review_judgements").selectAll().execute()).toHaveLength(0);

    const saved = await post(reference, cookies.mirjam!, {
      intent: "review",
      "factors[0].factorId": "ontmoeting",
      "factors[0].judgement": "strong",
      "factors[0].motivation": "Buren ontmoeten elkaar.",
      "factors[1].factorId": "verbondenheid",
      "factors[1].judgement": "insufficient",
      "factors[1].motivation": "Na de dag houdt het op.",
      addFactor: "identiteit",
      addJudgement: "sufficient",
      addMotivation: "Jongeren koken mee.",
      note: "Aanvrager eerder goed verantwoord.",
    });
    expect(saved.status).toBe(303);
    const { id } = await row(reference);
    const stored = await db
      .selectFrom("review_judgements")
      .select(["factor_id", "judgement", "motivation", "added_by_bureau", "reviewer_user_id"])
      .where("application_id", "=", id)
      .orderBy("factor_id")
      .execute();
    expect(stored).toEqual([
      { factor_id: "identiteit", judgement: "sufficient", motivation: "Jongeren koken mee.", added_by_bureau: 1, reviewer_user_id: ids.mirjam },
      { factor_id: "ontmoeting", judgement: "strong", motivation: "Buren ontmoeten elkaar.", added_by_bureau: 0, reviewer_user_id: ids.mirjam },
      { factor_id: "verbondenheid", judgement: "insufficient", motivation: "Na de dag houdt het op.", added_by_bureau: 0, reviewer_user_id: ids.mirjam },
    ]);
    expect((await lastAudit(reference)).action).toBe("application.reviewed");
    // The bureau's page shows it; the resident's page shows neither the judgements nor the note.
    const opened = JSON.stringify((await open(reference, cookies.daan!)).data);
    expect(opened).toContain("Aanvrager eerder goed verantwoord.");
    expect(opened).toContain("Jongeren koken mee.");
    const residentView = JSON.stringify(await ownApplicationView(db, reference, "nl", (await getUserById(db, ids.sanne!))!));
    expect(residentView).not.toContain("Aanvrager eerder goed verantwoord.");
    expect(residentView).not.toContain("Jongeren koken mee.");
  });
});

describe("deciding", () => {
  it("approves below the threshold with conditions and help; the resident sees it and gets the mail", async () => {
    const reference = await taken({ requestedCents: 125_050, amount: 125_050 });
    // More than was asked: beside the amount, in the catalogue's words.
    const tooMuch = await post(reference, cookies.mirjam!, { intent: "approve", amount: "1.300" });
    expect(tooMuch.status).toBe(409);
    expect(formErrors(tooMuch).amount).toEqual(["U kunt niet meer geven dan er is gevraagd. Gevraagd is € 1.250,50."]);
    expect(formErrors(await post(reference, cookies.mirjam!, { intent: "approve", amount: "twaalf" })).amount).toBeTruthy();
    expect((await row(reference)).status).toBe("in_review");

    const result = await post(reference, cookies.mirjam!, {
      intent: "approve",
      amount: "1.000,50",
      conditions: "Bewaar de bonnetjes.",
      help: ["space", "permit"],
    });
    expect(result.status).toBe(303);
    expect(await row(reference)).toMatchObject({ status: "approved", granted_cents: 100_050, first_approver_user_id: null });
    const { id } = await row(reference);
    expect(
      await db.selectFrom("application_decisions").select(["action", "granted_cents", "conditions", "help_json"]).where("application_id", "=", id).execute(),
    ).toEqual([{ action: "approve", granted_cents: 100_050, conditions: "Bewaar de bonnetjes.", help_json: '["space","permit"]' }]);
    const audit = await lastAudit(reference);
    expect(audit.action).toBe("application.approved");
    expect(JSON.parse(audit.after_json!)).toMatchObject({
      status: "approved",
      grantedCents: 100_050,
      conditions: "Bewaar de bonnetjes.",
      help: ["space", "permit"],
    });
    const [mail] = await mailsTo("sanne@example.org").then((m) => m.filter((x) => x.template === "decision"));
    expect(mail!.subject).toBe(`Goed nieuws: uw aanvraag ${reference} is goedgekeurd`);
    expect(mail!.text_body).toContain("U krijgt € 1.000,50.");
    expect(mail!.text_body).toContain("Dit vragen wij van u: Bewaar de bonnetjes.");
    expect(mail!.text_body).toContain("een ruimte, hulp bij een vergunning");
    expect(mail!.text_body).toContain(`/mijn-aanvragen/${reference}`);

    // The resident's own page shows the decision, without internal ids.
    const mineResult = await run(() => mine.loader({ request: get(`/mijn-aanvragen/${reference}`, cookies.sanne), params: { reference }, context: {} }));
    expect(mineResult.status).toBe(200);
    expect((mineResult.data as { application: { decision: unknown } }).application.decision).toEqual({
      kind: "approved",
      grantedCents: 100_050,
      conditions: "Bewaar de bonnetjes.",
      help: ["space", "permit"],
    });
    expect(identifiersIn(mineResult.data).uuids).toEqual([]);

    // Deciding again comes too late: "al besloten", nothing changes.
    const before = await snapshot(reference);
    const again = await post(reference, cookies.daan!, { intent: "decline", reason: "Toch niet.", alternatives: "Iets anders." });
    expect(again.status).toBe(409);
    expect(formErrors(again)[""]).toEqual(["Over deze aanvraag is al besloten. Kijk hieronder wat er besloten is."]);
    expect(await snapshot(reference)).toEqual(before);
  });

  it("above the threshold a second, different reviewer confirms; the first cannot; a send-back needs a note", async () => {
    const reference = await taken({ requestedCents: 300_000, amount: 300_000 });
    expect((await post(reference, cookies.mirjam!, { intent: "approve", amount: "3.000" })).status).toBe(303);
    expect(await row(reference)).toMatchObject({ status: "awaiting_second_review", granted_cents: 300_000, first_approver_user_id: ids.mirjam });
    expect((await mailsTo("sanne@example.org")).filter((m) => m.template === "decision" && m.subject.includes(reference))).toHaveLength(0);
    // The resident is not told yet.
    const view = await ownApplicationView(db, reference, "nl", (await getUserById(db, ids.sanne!))!);
    expect(view!.application.decision).toBeNull();

    const before = await snapshot(reference);
    const own = await post(reference, cookies.mirjam!, { intent: "confirm" });
    expect(own.status).toBe(409);
    expect(formErrors(own)[""]).toEqual(["U heeft deze aanvraag al goedgekeurd. Een tweede collega moet dit bevestigen."]);
    expect(formErrors(await post(reference, cookies.daan!, { intent: "send_back", reason: "" })).reason).toBeTruthy();
    expect(await snapshot(reference)).toEqual(before);

    expect((await post(reference, cookies.daan!, { intent: "confirm" })).status).toBe(303);
    expect(await row(reference)).toMatchObject({ status: "approved", granted_cents: 300_000 });
    expect((await lastAudit(reference)).actor_label).toBe("daan@example.org");
    const decision = (await mailsTo("sanne@example.org")).filter((m) => m.template === "decision").at(-1)!;
    expect(decision.subject).toBe(`Goed nieuws: uw aanvraag ${reference} is goedgekeurd`);
    expect(decision.text_body).toContain("€ 3.000,00");
  });

  it("a second reviewer sends an approval back with a note, shown in the history", async () => {
    const reference = await taken({ requestedCents: 300_000, amount: 300_000 });
    await post(reference, cookies.mirjam!, { intent: "approve", amount: "3.000" });
    expect((await post(reference, cookies.daan!, { intent: "send_back", reason: "Eerst de begroting." })).status).toBe(303);
    expect(await row(reference)).toMatchObject({ status: "in_review", granted_cents: null, first_approver_user_id: null });
    const history = (await open(reference, cookies.petra!)).data as { history: { action: string; reason?: string }[] };
    expect(history.history.at(-1)).toMatchObject({ action: "application.sent_back", reason: "Eerst de begroting." });
  });

  it("an approval outside the rules needs a written override reason, stored and shown in the history", async () => {
    const reference = await taken({ activityDate: "2026-11-01" });
    const opened = (await open(reference, cookies.mirjam!)).data as { work: { overrideRules: string[] } };
    expect(opened.work.overrideRules).toEqual(["activity_in_past"]);
    const refused = await post(reference, cookies.mirjam!, { intent: "approve", amount: "100" });
    expect(refused.status).toBe(409);
    expect(formErrors(refused).overrideReason).toEqual([
      "Deze aanvraag past niet in de regels: de activiteit was al. Schrijf op waarom u de aanvraag toch goedkeurt.",
    ]);
    expect((await row(reference)).status).toBe("in_review");
    expect((await post(reference, cookies.mirjam!, { intent: "approve", amount: "100", overrideReason: "Door de storm verschoven." })).status).toBe(303);
    const { id } = await row(reference);
    const decision = await db.selectFrom("application_decisions").select("override_json").where("application_id", "=", id).executeTakeFirstOrThrow();
    expect(JSON.parse(decision.override_json!)).toEqual({ rules: ["activity_in_past"], reason: "Door de storm verschoven." });
    const history = (await open(reference, cookies.daan!)).data as { history: { action: string; override?: unknown }[] };
    expect(history.history.at(-1)).toMatchObject({
      action: "application.approved",
      override: { rules: ["activity_in_past"], reason: "Door de storm verschoven." },
    });
  });

  it("declines with a reason and what they could do instead, mailed in the applicant's language", async () => {
    const reference = await taken({ email: "anna@example.org" });
    await db.updateTable("applications").set({ locale: "en" }).where("reference", "=", reference).execute();
    const missing = await post(reference, cookies.mirjam!, { intent: "decline", reason: "Het is een feest voor één gezin." });
    expect(missing.status).toBe(400);
    expect(formErrors(missing).alternatives).toEqual(["Schrijf op wat de aanvrager wel kan doen."]);
    expect(
      (await post(reference, cookies.mirjam!, { intent: "decline", reason: "It is a party for one family.", alternatives: "Invite the street." })).status,
    ).toBe(303);
    expect(await row(reference)).toMatchObject({ status: "declined" });
    expect((await row(reference)).closed_at).not.toBeNull();
    const mail = (await mailsTo("anna@example.org")).find((m) => m.template === "decision")!;
    expect(mail.subject).toBe(`Your application ${reference} has been declined`);
    expect(mail.text_body).toContain("The reason: It is a party for one family.");
    expect(mail.text_body).toContain("What you can do instead: Invite the street.");
  });

  it("the bureau cancels an approved application with a reason; the applicant hears why", async () => {
    const reference = await taken({ email: "kees@example.org" });
    await post(reference, cookies.mirjam!, { intent: "approve", amount: "100" });
    expect(formErrors(await post(reference, cookies.mirjam!, { intent: "cancel", reason: " " })).reason).toBeTruthy();
    expect((await post(reference, cookies.daan!, { intent: "cancel", reason: "Het feest gaat niet door." })).status).toBe(303);
    expect(await row(reference)).toMatchObject({ status: "cancelled" });
    const mail = (await mailsTo("kees@example.org")).find((m) => m.template === "cancelled")!;
    expect(mail.subject).toBe(`Uw aanvraag ${reference} is geannuleerd`);
    expect(mail.text_body).toContain("De reden: Het feest gaat niet door.");
  });
});

describe("who may post a review intent at all (written out by hand)", () => {
  // Every intent of the page, each with fields that would pass its schema.
  const INTENTS: Record<string, Record<string, string>> = {
    take: {},
    assign: { assignee: "mirjam@example.org" },
    conflict: { kind: "family" },
    review: { "factors[0].factorId": "ontmoeting", "factors[0].judgement": "strong", "factors[0].motivation": "Goed" },
    approve: { amount: "100" },
    decline: { reason: "Nee.", alternatives: "Iets anders." },
    confirm: {},
    send_back: { reason: "Terug." },
    cancel: { reason: "Weg." },
  };
  const OUTSIDERS: [who: string, status: number][] = [
    ["anonymous", 403],
    ["sanne", 403],
    ["youssef", 403],
    ["ruud", 403],
  ];

  it("resident, supporter, partner and anonymous get 403 for every intent and nothing changes", async () => {
    const submitted = await apply({ email: "sanne@example.org", factorIds: ["ontmoeting"] });
    const inReview = await taken({ email: "sanne@example.org", factorIds: ["ontmoeting"] });
    for (const reference of [submitted, inReview]) {
      const before = await snapshot(reference);
      for (const [who, expected] of OUTSIDERS) {
        for (const [intent, fields] of Object.entries(INTENTS)) {
          const result = await post(reference, who === "anonymous" ? null : cookies[who]!, { intent, ...fields });
          expect(result.status, `${who} ${intent}`).toBe(expected);
        }
      }
      expect(await snapshot(reference)).toEqual(before);
    }
  });

  it("an unknown intent is 400 and writes nothing", async () => {
    const reference = await apply();
    const before = await snapshot(reference);
    expect((await post(reference, cookies.mirjam!, { intent: "approve_all" })).status).toBe(400);
    expect(await snapshot(reference)).toEqual(before);
  });
});
