// Applications with their factors, cost lines and conflicts of interest. Each is walked through
// the lifecycle (lifecycle-walk.ts), which also collects its audit entries and mails for the
// generators that write those. Applicants come from a pool a bit smaller than the number of
// applications (some apply more than once); about one in eight applications is sent by a
// supporter on a resident's behalf, and a resident gets an account when they first sign in.
import { amsterdamDate } from "../../../app/domain/workdays";
import { formatReference } from "../../../app/models/reference-numbers.server";
import type { Insertable } from "kysely";
import type { ApplicationTable, ConflictOfInterestTable } from "../../../db/schema";
import { CONFLICT_KINDS } from "../../../app/domain/review";
import type { ApplicationStory, GenerationContext, Person, TableGenerator } from "../context";
import { insertRows } from "../insert";
import { walk } from "../lifecycle-walk";
import { personName, writePeople } from "../people";
import { Rng } from "../prng";
import { submissionTimes } from "../submission-times";
import { COST_ITEMS, IDEAS } from "../words";

const DAY = 24 * 60 * 60 * 1000;

/** The applicant behind pool entry `i`: the same name and address every time. */
function applicant(seed: number, i: number): { name: string; email: string } {
  if (i === 0) return { name: "Sanne Verbeek", email: "bewoner@example.org" }; // the demo resident
  const rng = new Rng(seed, `applicant/${i}`);
  const name = personName(rng);
  return { name, email: `${name.toLowerCase().normalize("NFD").replace(/[^a-z]+/g, ".")}.${i}@example.org` };
}

function residentAccounts(ctx: GenerationContext, rng: Rng) {
  return (email: string, name: string, at: number): Person => {
    const known = ctx.people.residents.get(email);
    if (known) {
      known.createdAt = Math.min(known.createdAt, at);
      return known;
    }
    const person: Person = { id: rng.uuid(), email, name, roles: ["resident"], organisationId: null, createdAt: at };
    ctx.people.residents.set(email, person);
    ctx.signIns.push({ at, person, method: "code" });
    return person;
  };
}

function costLines(rng: Rng, total: number): { description: string; cents: number }[] {
  if (!rng.chance(0.65)) return [];
  const parts = Array.from({ length: rng.int(1, 5) }, () => 0.3 + rng.next());
  const sum = parts.reduce((a, b) => a + b, 0);
  const lines = parts.map((p, i) => ({ description: COST_ITEMS[(i + rng.int(0, 9)) % COST_ITEMS.length]!, cents: Math.floor((total * p) / sum) }));
  lines[lines.length - 1]!.cents += total - lines.reduce((a, l) => a + l.cents, 0);
  return lines;
}

export const applications: TableGenerator = {
  name: "applications",
  tables: ["users", "user_roles", "applications", "application_factors", "application_cost_lines", "conflicts_of_interest"],
  async run(ctx) {
    const rng = ctx.rng("applications");
    const n = ctx.options.applications;
    const pool = Math.max(1, Math.round(n * 0.7));
    const residentFor = residentAccounts(ctx, ctx.rng("residents"));
    const counters = new Map<number, number>();
    const rows: Insertable<ApplicationTable>[] = [];
    const factorRows: { application_id: string; factor_id: string }[] = [];
    const lineRows: { application_id: string; position: number; description: string; cents: number }[] = [];
    const conflictRows: Insertable<ConflictOfInterestTable>[] = [];

    for (const submittedAt of submissionTimes(rng, n, ctx.from, ctx.until)) {
      const year = Number(amsterdamDate(new Date(submittedAt)).slice(0, 4));
      const number = (counters.get(year) ?? 0) + 1;
      counters.set(year, number);
      const area = rng.pick(ctx.areas);
      const idea = rng.pick(IDEAS);
      const onBehalf = rng.chance(0.12);
      const who = onBehalf ? { name: personName(rng), email: rng.chance(0.7) ? `buur.${rng.hex(4)}@example.org` : null } : applicant(ctx.options.seed, rng.int(0, pool - 1));
      const existing = who.email ? ctx.people.residents.get(who.email) : undefined;
      // Some residents sign in first (to follow their applications in "Mijn aanvragen").
      const account = existing && existing.createdAt <= submittedAt ? existing : !onBehalf && who.email && rng.chance(0.3) ? residentFor(who.email, who.name, submittedAt - rng.int(2, 60) * 60_000) : null;
      const requested = Math.min(ctx.options.settings.fundMaxCents, Math.max(2_500, Math.round(rng.skewed(90_000, 0.7) / 500) * 500));
      const story: ApplicationStory = {
        id: rng.uuid(),
        reference: formatReference(year, number),
        title: `${idea[0]} in ${area.name.split(" (")[0]}`,
        areaId: area.id,
        areaName: area.name,
        locale: rng.chance(0.92) ? "nl" : "en",
        applicantName: who.name,
        applicantEmail: who.email,
        applicantUserId: account?.id ?? null,
        submitter: onBehalf ? rng.pick(ctx.people.supporters) : null,
        submittedAt,
        requestedCents: requested,
        grantedCents: null,
        firstApproverUserId: null,
        activityDate: amsterdamDate(new Date(submittedAt + Math.max(14, rng.skewed(45, 0.5)) * DAY)),
        // A reviewer (not a fund administrator, who records payments) declared a conflict of interest.
        conflicts: rng.chance(0.01) ? [rng.pick(ctx.people.reviewers.filter((p) => !p.roles.includes("fund_admin"))).id] : [],
        factorIds: [],
        assignedUserId: null,
        status: "draft",
        steps: [],
      };
      walk(story, { ctx, rng, residentFor, areaEligible: area.inFocus }, rng.chance(0.001));
      ctx.stories.push(story);

      const last = story.steps.at(-1)?.at ?? submittedAt;
      const lastSubmit = story.steps.filter((s) => s.action === "submit").at(-1)?.at;
      const final = ["declined", "closed", "withdrawn", "cancelled"].includes(story.status);
      rows.push({
        id: story.id,
        reference: story.reference,
        submission_key: rng.uuid(),
        content_hash: rng.hex(32),
        status: story.status,
        applicant_name: story.applicantName,
        applicant_email: story.applicantEmail,
        applicant_phone: rng.chance(0.4) ? `06${String(rng.int(10_000_000, 99_999_999))}` : null,
        applicant_user_id: story.applicantUserId,
        submitted_by_user_id: story.submitter?.id ?? null,
        area_id: story.areaId,
        title: story.title,
        description: `${idea[1]} ${rng.chance(0.5) ? "Iedereen uit de buurt is welkom." : "We vragen geld voor de kosten hieronder."}`,
        activity_date: story.activityDate,
        expected_participants: Math.max(5, Math.round(rng.skewed(35, 0.6))),
        requested_cents: story.requestedCents,
        public_consent: rng.chance(0.7) ? 1 : 0,
        status_token_hash: rng.hex(32), // the token itself was only ever in the mail
        locale: story.locale,
        submitted_at: new Date(submittedAt).toISOString(),
        updated_at: new Date(last).toISOString(),
        closed_at: final ? new Date(last).toISOString() : null,
        granted_cents: story.grantedCents,
        first_approver_user_id: story.firstApproverUserId,
        assigned_user_id: story.assignedUserId,
        // The answer clock restarts at every submit, the first and each answer (decision 010).
        answer_clock_started_at: lastSubmit === undefined ? null : new Date(lastSubmit).toISOString(),
      });
      const picked = new Set<string>();
      for (let k = rng.int(1, 3); k > 0; k--) picked.add(rng.pick(ctx.factorIds));
      story.factorIds = [...picked];
      for (const factor_id of picked) factorRows.push({ application_id: story.id, factor_id });
      costLines(rng, story.requestedCents).forEach((l, position) => lineRows.push({ application_id: story.id, position, ...l }));
      for (const user_id of story.conflicts) {
        conflictRows.push({
          application_id: story.id,
          user_id,
          declared_at: new Date(submittedAt + DAY).toISOString(),
          reason: "Ik ken de aanvrager persoonlijk.",
          // From the reference, not the random stream, so the rows drawn after it stay the same.
          kind: CONFLICT_KINDS[story.reference.charCodeAt(story.reference.length - 1) % CONFLICT_KINDS.length]!,
        });
      }
    }
    ctx.referenceCounters = counters;
    // Residents first: applications refer to their accounts.
    const residents = await writePeople(ctx, [...ctx.people.residents.values()], "self");
    return {
      users: residents.users,
      user_roles: residents.user_roles,
      applications: await insertRows(ctx.db, "applications", rows),
      application_factors: await insertRows(ctx.db, "application_factors", factorRows),
      application_cost_lines: await insertRows(ctx.db, "application_cost_lines", lineRows),
      conflicts_of_interest: await insertRows(ctx.db, "conflicts_of_interest", conflictRows),
    };
  },
};
