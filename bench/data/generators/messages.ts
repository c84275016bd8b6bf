// The conversation about an application (application_messages, migration 0010): a question for
// every ask_question step of an application's walk, with the text its audit entry carries, and an
// answer for every submit that came after one (needs_info → submitted), by whoever took that step.
import type { Insertable } from "kysely";
import type { ApplicationMessageTable } from "../../../db/schema";
import type { TableGenerator } from "../context";
import { insertRows } from "../insert";

const ANSWERS = [
  "De kosten zijn vooral voor de huur van de zaal en de boodschappen.",
  "Er doen ongeveer dertig buren mee, ook kinderen.",
  "We komen samen in het buurthuis, achter de school.",
  "We komen elke maand bij elkaar, op zaterdag.",
  "Ik heb het bedrag aangepast: de zaal is goedkoper geworden.",
];

export const messages: TableGenerator = {
  name: "messages",
  tables: ["application_messages"],
  async run(ctx) {
    const rng = ctx.rng("messages");
    // The walk put each question's text in its audit entry (the step's reason).
    const questions = new Map<string, string>();
    for (const e of ctx.audit) {
      if (e.action === "application.question_asked") questions.set(`${e.entityId} ${e.at}`, String(e.after?.reason ?? ""));
    }
    const rows: Insertable<ApplicationMessageTable>[] = [];
    for (const story of ctx.stories) {
      for (const step of story.steps) {
        const answered = step.action === "submit" && step.from === "needs_info";
        if (step.action !== "ask_question" && !answered) continue;
        rows.push({
          id: rng.uuid(),
          application_id: story.id,
          kind: answered ? "answer" : "question",
          author_user_id: step.actor?.id ?? null,
          body: answered ? rng.pick(ANSWERS) : (questions.get(`${story.id} ${step.at}`) ?? ""),
          at: new Date(step.at).toISOString(),
        });
      }
    }
    return { application_messages: await insertRows(ctx.db, "application_messages", rows) };
  },
};
