// The bureau's review and decisions (migration 0009), consistent with each application's story:
// every decision step (approve, confirm, send back, decline, cancel) gets its row in
// application_decisions with the step's actor, time, amount and reason; an application that was
// decided, or is in review, gets a judgement per declared protective factor by its reviewer
// (now and then one factor added by the bureau) and sometimes a note for the bureau.
import type { Insertable } from "kysely";
import type { ApplicationDecisionTable, ReviewJudgementTable, ReviewNoteTable } from "../../../db/schema";
import { isDecisionAction } from "../../../app/models/decisions.server";
import { HELP_KINDS, JUDGEMENTS } from "../../../app/domain/review";
import type { ApplicationStory, StepRecord, TableGenerator } from "../context";
import { insertRows } from "../insert";
import { toJson } from "../../../db/json";
import type { Rng } from "../prng";

const HOUR = 60 * 60 * 1000;

const MOTIVATIONS = [
  "Buren leren elkaar kennen en blijven elkaar daarna zien.",
  "Ouders helpen elkaar; dat geeft rust in het gezin.",
  "Het plan is klein, maar er doen veel mensen mee.",
  "Het verband met deze factor is nog niet duidelijk.",
  "Jongeren organiseren het zelf en zijn er trots op.",
] as const;

const NOTES = ["Vorig jaar ook gedaan, goed verantwoord.", "Even bellen over de locatie.", "Zelfde aanvrager als eerder dit jaar."] as const;
const CONDITIONS = ["Stuur na afloop een paar foto's en de bonnetjes.", "Overleg over de plek met de gemeente."] as const;
const ALTERNATIVES = ["Vraag het buurthuis of u daar mee kunt doen.", "Kom terug met een kleiner plan voor de zomer."] as const;

/** The step the review belongs to: the first decision, or the take while it is still in review. */
function reviewStep(story: ApplicationStory): StepRecord | null {
  const decided = story.steps.find((s) => s.action === "approve" || s.action === "decline");
  if (decided) return decided;
  if (story.status !== "in_review") return null;
  return story.steps.filter((s) => s.action === "take").at(-1) ?? null;
}

function decisionRow(rng: Rng, story: ApplicationStory, step: StepRecord): Insertable<ApplicationDecisionTable> {
  const approve = step.action === "approve";
  const help = approve && rng.chance(0.3) ? [rng.pick(HELP_KINDS)] : [];
  return {
    id: rng.uuid(),
    application_id: story.id,
    action: step.action as ApplicationDecisionTable["action"],
    actor_user_id: step.actor?.id ?? null,
    at: new Date(step.at).toISOString(),
    granted_cents: step.action === "approve" || step.action === "confirm" ? step.cents : null,
    conditions: approve && rng.chance(0.4) ? rng.pick(CONDITIONS) : null,
    help_json: help.length > 0 ? toJson(help) : null,
    reason: step.reason,
    alternatives: step.action === "decline" && rng.chance(0.5) ? rng.pick(ALTERNATIVES) : null,
    override_json: step.override ? toJson(step.override) : null,
  };
}

export const reviews: TableGenerator = {
  name: "reviews",
  tables: ["review_judgements", "review_notes", "application_decisions"],
  async run(ctx) {
    const rng = ctx.rng("reviews");
    const judgements: Insertable<ReviewJudgementTable>[] = [];
    const notes: Insertable<ReviewNoteTable>[] = [];
    const decisions: Insertable<ApplicationDecisionTable>[] = [];
    for (const story of ctx.stories) {
      for (const step of story.steps) if (isDecisionAction(step.action)) decisions.push(decisionRow(rng, story, step));
      const step = reviewStep(story);
      // Half of those still in review have been judged already; every decided one was.
      if (!step?.actor || (story.status === "in_review" && step.action === "take" && !rng.chance(0.5))) continue;
      const reviewer = step.actor.id;
      // Judged before the decision; after a take, within the hours after it (never past the window).
      const at = new Date(step.action === "take" ? Math.min(step.at + rng.int(1, 48) * HOUR, ctx.until) : step.at - rng.int(1, 24) * HOUR).toISOString();
      const factors = story.factorIds.map((id) => ({ id, added: 0 }));
      const extra = ctx.factorIds.find((id) => !story.factorIds.includes(id));
      if (extra && rng.chance(0.1)) factors.push({ id: extra, added: 1 });
      for (const f of factors) {
        const judgement = story.status === "declined" && rng.chance(0.6) ? "insufficient" : rng.pick(JUDGEMENTS.slice(0, 2));
        judgements.push({
          application_id: story.id,
          factor_id: f.id,
          judgement,
          motivation: rng.pick(MOTIVATIONS),
          added_by_bureau: f.added,
          reviewer_user_id: reviewer,
          updated_at: at,
        });
      }
      if (rng.chance(0.3)) notes.push({ application_id: story.id, note: rng.pick(NOTES), updated_by_user_id: reviewer, updated_at: at });
    }
    return {
      review_judgements: await insertRows(ctx.db, "review_judgements", judgements),
      review_notes: await insertRows(ctx.db, "review_notes", notes),
      application_decisions: await insertRows(ctx.db, "application_decisions", decisions),
    };
  },
};
