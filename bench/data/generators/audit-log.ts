// The audit log: every entry the other generators collected, written in time order (ids rise with
// time, as in the app). It runs after every generator that adds entries.
import { toJson } from "../../../db/json";
import type { AuditEvent, TableGenerator } from "../context";

const CHUNK = 20_000;
import { insertRows } from "../insert";

export const auditLog: TableGenerator = {
  name: "audit-log",
  tables: ["audit_log"],
  async run(ctx) {
    const events = ctx.audit.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i);
    ctx.audit = [];
    let written = 0;
    // In slices, so the rows (with their JSON text) are never all in memory next to the events.
    for (let start = 0; start < events.length; start += CHUNK) {
      written += await insertRows(ctx.db, "audit_log", events.slice(start, start + CHUNK).map(({ e }) => row(e)));
    }
    return { audit_log: written };
  },
};

function row(e: AuditEvent) {
  return {
      at: new Date(e.at).toISOString(),
      actor_user_id: e.actorUserId,
      actor_label: e.actorLabel,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      before_json: e.before === null ? null : toJson(e.before),
    after_json: e.after === null ? null : toJson(e.after),
  };
}
