// Saved drafts: about one for every twenty applications, each with its "draft.saved" audit entry.
// Drafts whose link ran out (30 days) or that were sent are purged by housekeeping, so only the
// last month's unsent drafts are in the table.
import { DRAFT_LIFETIME_MS } from "../../../app/models/drafts.server";
import { toJson } from "../../../db/json";
import type { TableGenerator } from "../context";
import { insertRows } from "../insert";
import { IDEAS } from "../words";

export const drafts: TableGenerator = {
  name: "drafts",
  tables: ["drafts"],
  async run(ctx) {
    const rng = ctx.rng("drafts");
    const rows = [];
    const count = Math.round(ctx.options.applications / 20);
    for (let i = 0; i < count; i++) {
      const at = ctx.from + rng.next() * (ctx.until - ctx.from);
      const id = rng.uuid();
      ctx.audit.push({ at, actorUserId: null, actorLabel: "anonymous", action: "draft.saved", entityType: "draft", entityId: id, before: null, after: null });
      const expires = at + DRAFT_LIFETIME_MS;
      if (expires <= ctx.until || rng.chance(0.4)) continue; // expired or sent: purged
      const idea = rng.pick(IDEAS);
      rows.push({
        id,
        token_hash: rng.hex(32),
        email: `concept.${i}@example.org`,
        payload: toJson<Record<string, unknown>>({ title: idea[0], description: idea[1], email: `concept.${i}@example.org` }),
        created_at: new Date(at).toISOString(),
        expires_at: new Date(expires).toISOString(),
        consumed_at: null,
      });
    }
    return { drafts: await insertRows(ctx.db, "drafts", rows) };
  },
};
