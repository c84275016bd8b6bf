// Drafts: a half-filled form kept for 30 days behind a mailed link. Never visible to the bureau;
// used up when the application is sent.
import type { DB, Tx } from "~/services/db.server";
import type { DraftInput } from "~/forms/application-schema";
import type { Translate } from "~/i18n/translate";
import type { User } from "./users.server";
import { normaliseEmail } from "./users.server";
import { auditActorOf, writeAudit } from "./audit.server";
import { enqueueMail } from "./outbox.server";
import { takeFromLimits, type LimitCheck } from "./rate-limits.server";
import { limitKeys } from "./form-limits.server";
import { hashToken, newId, newToken } from "~/services/tokens.server";
import { parseJson, toJson } from "../../db/json";
import { renderDraftSavedMail } from "../../emails/draft-saved";

export const DRAFT_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export type DraftPayload = Record<string, unknown>;

/**
 * Stores a draft and mails its link. The payload is the draft schema's output: only the form's
 * own fields, within the form's size limits. With `ip`, the per-IP and per-address budgets apply.
 */
export async function saveDraft(
  db: DB,
  input: { email: string; payload: DraftInput; previousToken?: string | null; user: User | null; t: Translate; now: Date; publicUrl: string; ip?: string },
): Promise<LimitCheck> {
  const at = input.now.toISOString();
  const token = newToken();
  const id = newId();
  return db.transaction().execute(async (trx) => {
    if (input.ip !== undefined) {
      const limit = await takeFromLimits(trx, limitKeys("draft", { user: input.user, ip: input.ip }, input.email), input.now);
      if (!limit.ok) return limit;
    }
    if (input.previousToken) await consumeDraft(trx, input.previousToken, at);
    await trx
      .insertInto("drafts")
      .values({
        id,
        token_hash: hashToken(token),
        email: normaliseEmail(input.email),
        payload: toJson<DraftPayload>(input.payload),
        created_at: at,
        expires_at: new Date(input.now.getTime() + DRAFT_LIFETIME_MS).toISOString(),
        consumed_at: null,
      })
      .execute();
    await writeAudit(trx, { at, actor: auditActorOf(input.user), action: "draft.saved", entityType: "draft", entityId: id });
    const rendered = renderDraftSavedMail(input.t, { continueUrl: `${input.publicUrl}/aanvragen/nieuw?concept=${token}` });
    await enqueueMail(trx, { to: normaliseEmail(input.email), template: "draft-saved", rendered, at });
    return { ok: true } as const;
  });
}

/** A draft that was saved again or became an application: its link stops working. */
export async function consumeDraft(trx: Tx, token: string, at: string): Promise<void> {
  await trx.updateTable("drafts").set({ consumed_at: at }).where("token_hash", "=", hashToken(token)).where("consumed_at", "is", null).execute();
}

/** Drafts whose link has expired, or that became an application, are of no use to anyone: delete them. */
export async function purgeDrafts(db: DB, now: Date): Promise<number> {
  const result = await db
    .deleteFrom("drafts")
    .where((eb) => eb.or([eb("expires_at", "<=", now.toISOString()), eb("consumed_at", "is not", null)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function loadDraft(db: DB, token: string, now: Date): Promise<DraftPayload | null> {
  const row = await db
    .selectFrom("drafts")
    .select("payload")
    .where("token_hash", "=", hashToken(token))
    .where("consumed_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  if (!row) return null;
  const payload: unknown = parseJson(row.payload);
  return payload && typeof payload === "object" ? (payload as DraftPayload) : null;
}
