// The outbox as it stands at the end of the window: delivered mail is kept (emptied of its text)
// for the retention period and then deleted, so only the last month's mail is there, nearly all
// sent; dead letters (every try failed) stay, with their text, until the bureau acts on them.
// Mails the lifecycle names but that have no template yet (emails/registry.ts) are left out, as
// the app cannot send them either.
import { lifecycleMail, type LifecycleMailEntry } from "../../../emails/registry";
import type { MailTemplate } from "../../../app/domain/lifecycle";
import { MAX_DELIVERY_ATTEMPTS } from "../../../app/domain/mail-delivery";
import { recipientsOf } from "../../../app/models/recipients.server";
import { translator } from "../../../app/i18n/translate";
import type { Insertable } from "kysely";
import type { OutboxTable } from "../../../db/schema";
import type { MailEvent, TableGenerator } from "../context";
import type { ResidentDecision } from "../../../app/models/decisions.server";
import { insertRows } from "../insert";

const DAY = 24 * 60 * 60 * 1000;
const DEAD_LETTER_SHARE = 0.002;

function entryOf(template: MailTemplate): LifecycleMailEntry | null {
  try {
    return lifecycleMail(template);
  } catch {
    return null;
  }
}

// What a decision mail tells the resident (the generator keeps no decision texts of its own).
function decisionOf(mail: MailEvent): ResidentDecision | null {
  if (mail.template === "cancelled") return { kind: "cancelled", reason: "Het plan kan niet doorgaan." };
  if (mail.template !== "decision") return null;
  const granted = mail.story.grantedCents;
  return granted === null
    ? { kind: "declined", reason: "Het idee past niet bij de beschermfactoren.", alternatives: null }
    : { kind: "approved", grantedCents: granted, conditions: null, help: [] };
}

export const outbox: TableGenerator = {
  name: "outbox",
  tables: ["outbox"],
  async run(ctx) {
    const rng = ctx.rng("outbox");
    const { settings } = ctx.options;
    const kept = ctx.until - ctx.options.mailRetentionDays * DAY;
    const rows: Insertable<OutboxTable>[] = [];
    const cleared = { subject: "", text_body: "", html_body: "" };
    const row = (at: number, to: string, template: Insertable<OutboxTable>["template"], rest: Partial<Insertable<OutboxTable>>) =>
      rows.push({
        id: rng.uuid(),
        to_address: to,
        template,
        ...cleared,
        status: "sent",
        attempts: 1,
        next_attempt_at: new Date(at).toISOString(),
        last_error: null,
        created_at: new Date(at).toISOString(),
        sent_at: new Date(at + rng.int(1, 20) * 1000).toISOString(),
        expires_at: null,
        last_attempt_at: new Date(at + 1000).toISOString(),
        ...rest,
      });

    const render = (entry: LifecycleMailEntry, mail: MailEvent) => {
      const s = mail.story;
      const rendered = entry.render(translator(mail.audience === "bureau" ? "nl" : s.locale), {
        reference: s.reference,
        title: s.title,
        applicantName: s.applicantName,
        areaName: s.areaName,
        statusUrl: `${settings.publicUrl}/status/${rng.hex(32)}`,
        bureauUrl: `${settings.publicUrl}/beheer/aanvragen/${s.reference}`,
        myApplicationUrl: `${settings.publicUrl}/mijn-aanvragen/${s.reference}`,
        status: s.status,
        decision: decisionOf(mail),
        question: mail.template === "question" ? "Kunt u uitleggen wie er mee gaan doen?" : null,
        locale: s.locale,
      });
      return { subject: rendered.subject, text_body: rendered.text, html_body: rendered.html };
    };

    for (const mail of ctx.mails) {
      const entry = entryOf(mail.template);
      if (!entry) continue;
      const addresses = recipientsOf(mail.audience, {
        applicantEmail: mail.story.applicantEmail,
        submitterEmail: mail.story.submitter?.email ?? null,
        bureauEmail: settings.bureauEmail,
      });
      for (const to of addresses) {
        if (rng.chance(DEAD_LETTER_SHARE)) {
          const last = mail.at + rng.int(2, 30) * 60 * 60 * 1000;
          row(mail.at, to, entry.outbox, {
            ...render(entry, mail),
            status: "failed",
            attempts: MAX_DELIVERY_ATTEMPTS,
            last_error: rng.pick(["550 5.1.1 mailbox unavailable", "connect ECONNREFUSED", "452 4.2.2 mailbox full"]),
            sent_at: null,
            last_attempt_at: new Date(last).toISOString(),
            next_attempt_at: new Date(last).toISOString(),
          });
        } else if (mail.at >= kept) {
          row(mail.at, to, entry.outbox, {});
        }
      }
    }
    for (const s of ctx.signIns) {
      const at = s.at - 60_000;
      if (at >= kept) row(at, s.person.email, "sign-in", { expires_at: new Date(at + 15 * 60_000).toISOString() });
    }
    rows.sort((a, b) => a.created_at.localeCompare(b.created_at));
    return { outbox: await insertRows(ctx.db, "outbox", rows) };
  },
};
