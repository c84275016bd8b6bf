// Pot administration (decision 140): funders, their pots, a pot's budget, a recorded extension of
// its end (an uitstelverzoek that was granted) and contributions in kind. Each write runs under
// the write lock with its audit row in the same transaction; money goes into a pot only through
// the one write path (ledger.server.ts applyLedgerOperation). Screens for this come later; the
// seed (db/seed-funding.ts) and tests use these functions as the screens will.
import crypto from "node:crypto";
import type { DB, Tx } from "~/services/db.server";
import { isIsoDate, type LedgerRefusal } from "~/domain/ledger";
import type { Earmarks, FunderKind, SplitPot } from "~/domain/split";
import { ok, refuse, type Ok, type Refusal } from "~/domain/result";
import { parseJson, toJson } from "../../db/json";
import { writeAudit, type AuditActor } from "./audit.server";
import { applyLedgerOperation, potBalances, type AppliedOperation } from "./ledger.server";
import { withWriteLock } from "./lock.server";

export type FunderInput = { id?: string; name: string; kind: FunderKind; organisationId?: string | null; invented?: boolean };

export async function createFunder(db: DB, input: FunderInput, actor: AuditActor, now: Date): Promise<string> {
  const id = input.id ?? crypto.randomUUID();
  const at = now.toISOString();
  await withWriteLock(db, { keys: [`funder:${id}`] }, async (trx) => {
    const values = { id, name: input.name, kind: input.kind, organisation_id: input.organisationId ?? null, invented: input.invented ? 1 : 0, created_at: at };
    await trx.insertInto("funders").values(values).execute();
    await writeAudit(trx, { at, actor, action: "funder.created", entityType: "funder", entityId: id, after: { name: input.name, kind: input.kind } });
  });
  return id;
}

export type PotInput = {
  id?: string;
  funderId: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  earmarks?: Earmarks;
  /** The split's stated order: lower first. */
  priority?: number;
  invented?: boolean;
};

export type PeriodRefusal = Refusal<"invalid_period", { periodStart: string; periodEnd: string }>;

export async function createPot(db: DB, input: PotInput, actor: AuditActor, now: Date): Promise<Ok<{ id: string }> | PeriodRefusal> {
  const { periodStart, periodEnd } = input;
  if (!isIsoDate(periodStart) || !isIsoDate(periodEnd) || periodStart > periodEnd) return refuse("invalid_period", { periodStart, periodEnd });
  const id = input.id ?? crypto.randomUUID();
  const at = now.toISOString();
  const earmarks = input.earmarks ?? {};
  await withWriteLock(db, { keys: [`pot:${id}`] }, async (trx) => {
    await trx
      .insertInto("pots")
      .values({
        id,
        funder_id: input.funderId,
        name: input.name,
        period_start: periodStart,
        period_end: periodEnd,
        earmarks_json: toJson(earmarks),
        priority: input.priority ?? 0,
        invented: input.invented ? 1 : 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const after = { name: input.name, funderId: input.funderId, periodStart, periodEnd, earmarks };
    await writeAudit(trx, { at, actor, action: "pot.created", entityType: "pot", entityId: id, after });
  });
  return ok({ id });
}

/**
 * Puts money into a pot (an allocation) through the one write path. `operationId` makes a
 * retry harmless: the same id books once.
 */
export function allocateToPot(
  db: DB,
  input: { operationId: string; potId: string; cents: number; date: string; reason?: string | null },
  actor: AuditActor,
  now: Date,
): Promise<AppliedOperation | LedgerRefusal> {
  const operation = { kind: "allocate", id: input.operationId, potId: input.potId, cents: input.cents, date: input.date } as const;
  return withWriteLock(db, { pots: [input.potId] }, (trx) => applyLedgerOperation(trx, operation, { actor, at: now.toISOString(), reason: input.reason }));
}

export type ExtendRefusal =
  Refusal<"not_found"> | Refusal<"invalid_date", { date: string }> | Refusal<"not_later", { periodEnd: string }> | Refusal<"reason_required">;

/**
 * Moves a pot's end later, with the reason (the granted uitstelverzoek) kept in pot_end_changes
 * and the audit log. An end is never moved earlier: commitments made inside it stay valid.
 */
export async function extendPotEnd(
  db: DB,
  input: { potId: string; newEnd: string; reason: string },
  actor: AuditActor,
  now: Date,
): Promise<Ok<{ oldEnd: string }> | ExtendRefusal> {
  if (!isIsoDate(input.newEnd)) return refuse("invalid_date", { date: input.newEnd });
  const reason = input.reason.trim();
  if (reason === "") return refuse("reason_required");
  const at = now.toISOString();
  return withWriteLock(db, { pots: [input.potId] }, async (trx) => {
    const pot = await trx.selectFrom("pots").select("period_end").where("id", "=", input.potId).executeTakeFirst();
    if (!pot) return refuse("not_found");
    if (input.newEnd <= pot.period_end) return refuse("not_later", { periodEnd: pot.period_end });
    await trx.updateTable("pots").set({ period_end: input.newEnd, updated_at: at }).where("id", "=", input.potId).execute();
    await trx
      .insertInto("pot_end_changes")
      .values({
        id: crypto.randomUUID(),
        pot_id: input.potId,
        old_end: pot.period_end,
        new_end: input.newEnd,
        reason,
        actor_user_id: actor.userId,
        actor_label: actor.label,
        at,
      })
      .execute();
    await writeAudit(trx, {
      at,
      actor,
      action: "pot.end_extended",
      entityType: "pot",
      entityId: input.potId,
      before: { periodEnd: pot.period_end },
      after: { periodEnd: input.newEnd, reason },
    });
    return ok({ oldEnd: pot.period_end });
  });
}

export type InKindInput = { funderId: string; periodStart: string; periodEnd: string; description: string; valueCents: number; invented?: boolean };

/** Work or goods instead of money: counted for reports, never in a pot, so never spendable. */
export async function registerInKind(
  db: DB,
  input: InKindInput,
  actor: AuditActor,
  now: Date,
): Promise<Ok<{ id: string }> | PeriodRefusal | Refusal<"invalid_value", { cents: number }>> {
  const { periodStart, periodEnd } = input;
  if (!isIsoDate(periodStart) || !isIsoDate(periodEnd) || periodStart > periodEnd) return refuse("invalid_period", { periodStart, periodEnd });
  if (!Number.isSafeInteger(input.valueCents) || input.valueCents < 0) return refuse("invalid_value", { cents: input.valueCents });
  const id = crypto.randomUUID();
  const at = now.toISOString();
  await withWriteLock(db, { keys: [`in-kind:${id}`] }, async (trx) => {
    await trx
      .insertInto("in_kind_contributions")
      .values({
        id,
        funder_id: input.funderId,
        period_start: periodStart,
        period_end: periodEnd,
        description: input.description,
        value_cents: input.valueCents,
        invented: input.invented ? 1 : 0,
        created_at: at,
      })
      .execute();
    const after = { funderId: input.funderId, periodStart, periodEnd, description: input.description, valueCents: input.valueCents };
    await writeAudit(trx, { at, actor, action: "in_kind.registered", entityType: "funder", entityId: input.funderId, after });
  });
  return ok({ id });
}

/** A pot as the split and the screens see it: its funder's kind and what is available now. */
export type PotView = SplitPot & { funderName: string; budgetCents: number };

/**
 * Pots with their available money (one SUM query), in the split's stated order: every pot, or with
 * `on` only those whose period holds that day (the only ones a commitment on that day can use; a
 * large ledger is then summed only over them).
 */
export async function potsWithBalances(db: DB | Tx, options: { on?: string } = {}): Promise<PotView[]> {
  const { on } = options;
  const rows = await db
    .selectFrom("pots as p")
    .innerJoin("funders as f", "f.id", "p.funder_id")
    .select(["p.id", "p.name", "p.period_start", "p.period_end", "p.earmarks_json", "p.priority", "f.kind", "f.name as funderName"])
    .$if(on !== undefined, (qb) => qb.where("p.period_start", "<=", on!).where("p.period_end", ">=", on!))
    .orderBy("p.priority")
    .orderBy("p.id")
    .execute();
  const balances = await potBalances(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    funderKind: r.kind,
    funderName: r.funderName,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    earmarks: parseJson(r.earmarks_json),
    priority: r.priority,
    availableCents: balances.get(r.id)?.available ?? 0,
    budgetCents: balances.get(r.id)?.budget ?? 0,
  }));
}
