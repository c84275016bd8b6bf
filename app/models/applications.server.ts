// Applications: submitting (one transaction: row, reference number, audit, outbox mail) and
// drafts that are never visible to the bureau. What pages read is in application-views.server.ts.
// An application belongs to its e-mail address: no account is made for an address nobody has
// proven to own. It shows in "Mijn aanvragen" once that address signs in.
import type { DB } from "~/services/db.server";
import type { ApplicationInput, DraftInput } from "~/forms/application-schema";
import { translator, type Locale, type Translate } from "~/i18n/translate";
import type { User } from "./users.server";
import { actorOf, findUserIdByEmail, normaliseEmail } from "./users.server";
import { writeAudit, type AuditActor } from "./audit.server";
import { enqueueMail } from "./outbox.server";
import { takeFromLimits, type LimitCheck } from "./rate-limits.server";
import type { Bucket } from "~/domain/rate-limit";
import { hashToken, newId, newToken } from "~/services/tokens.server";
import { renderApplicationReceivedMail } from "../../emails/application-received";
import { renderDraftSavedMail } from "../../emails/draft-saved";
import { renderNewApplicationMail } from "../../emails/new-application";
import { decide } from "~/domain/lifecycle";

// Kept here too for callers of the old place; the read models live in application-views.server.ts.
export { getApplicationByReference, getApplicationByStatusToken, type ApplicationDetail } from "./application-views.server";

export const DRAFT_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** The same application sent again within this time is a repeat, not a new one. */
export const REPEAT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** What makes two sendings "the same application": who, what, where, when and how much. */
export function contentFingerprint(input: ApplicationInput): string {
  const who = (input.email ?? input.phone ?? "").trim().toLowerCase();
  const fields = [who, input.name.trim().toLowerCase(), input.areaId, input.title.trim(), input.description.trim(), input.activityDate, input.requestedCents, [...input.factorIds].sort().join(",")];
  return hashToken(JSON.stringify(fields));
}

export function formatReference(year: number, n: number): string {
  return `IF-${year}-${String(n).padStart(4, "0")}`;
}

async function nextReference(trx: DB, year: number): Promise<string> {
  const row = await trx.selectFrom("reference_counters").select("last_number").where("year", "=", year).executeTakeFirst();
  const n = (row?.last_number ?? 0) + 1;
  if (row) await trx.updateTable("reference_counters").set({ last_number: n }).where("year", "=", year).execute();
  else await trx.insertInto("reference_counters").values({ year, last_number: n }).execute();
  return formatReference(year, n);
}

export function auditActorOf(user: User | null): AuditActor {
  return user ? { userId: user.id, label: user.email } : { userId: null, label: "anonymous" };
}

export type SubmitContext = {
  user: User | null;
  /** The fund's maximum per application, for the lifecycle's rules. */
  maxCents?: number;
  onBehalf: boolean;
  locale: Locale;
  t: Translate;
  now: Date;
  /** "YYYY-MM-DD" in Europe/Amsterdam: the year of the reference number. */
  localDate: string;
  publicUrl: string;
  /** The bureau's shared inbox for "new application" notices; none when not configured. */
  bureauEmail?: string;
  draftToken?: string | null;
};

export type SubmitResult = { reference: string; created: boolean };

/** A double click or the back button sends the same application again: the first one's reference. */
async function findRepeat(trx: DB, input: ApplicationInput, now: Date): Promise<string | null> {
  const since = new Date(now.getTime() - REPEAT_WINDOW_MS).toISOString();
  const existing = await trx
    .selectFrom("applications")
    .select("reference")
    .where((eb) => eb.or([eb("submission_key", "=", input.submissionKey), eb.and([eb("content_hash", "=", contentFingerprint(input)), eb("submitted_at", ">", since)])]))
    .executeTakeFirst();
  return existing?.reference ?? null;
}

/** Who is counted for a form post: the signed-in user, else the connection's IP address; and the address it mails. */
function limitKeys(kind: "application" | "draft", who: { user: User | null; ip: string }, email: string | null) {
  const keys: { bucket: Bucket; key: string }[] = who.user && kind === "application" ? [{ bucket: "application.user", key: who.user.id }] : [{ bucket: `${kind}.ip`, key: who.ip }];
  if (email) keys.push({ bucket: `${kind}.address`, key: normaliseEmail(email) });
  return keys;
}

export type LimitedSubmitResult = ({ ok: true } & SubmitResult) | { ok: false; reason: "rate_limited"; retryAt: Date };

/** Submitting from the public form: as submitApplication, within the per-IP, per-user and per-address budgets. */
export async function submitApplicationWithinLimits(db: DB, input: ApplicationInput, ctx: SubmitContext & { ip: string }): Promise<LimitedSubmitResult> {
  return db.transaction().execute(async (trx) => {
    // A repeat costs nothing: it stores nothing and sends nothing.
    const repeat = await findRepeat(trx, input, ctx.now);
    if (repeat) return { ok: true, reference: repeat, created: false } as const;
    const limit = await takeFromLimits(trx, limitKeys("application", ctx, input.email), ctx.now);
    if (!limit.ok) return { ok: false, reason: "rate_limited", retryAt: limit.retryAt } as const;
    return { ok: true, ...(await submitIn(trx, input, ctx)) } as const;
  });
}

export async function submitApplication(db: DB, input: ApplicationInput, ctx: SubmitContext): Promise<SubmitResult> {
  return db.transaction().execute((trx) => submitIn(trx, input, ctx));
}

async function submitIn(trx: DB, input: ApplicationInput, ctx: SubmitContext): Promise<SubmitResult> {
  const at = ctx.now.toISOString();
  const repeat = await findRepeat(trx, input, ctx.now);
  if (repeat) return { reference: repeat, created: false };
  const contentHash = contentFingerprint(input);

  // The lifecycle decides the first status; the route has already checked the permission.
  const decision = decide(
    { status: "draft", requestedCents: input.requestedCents, grantedCents: null, applicantUserId: null, submittedByUserId: null, areaEligible: true, activityDate: input.activityDate, firstApproverUserId: null },
    { type: "submit" },
    actorOf(ctx.user),
    { fourEyesThresholdCents: Number.MAX_SAFE_INTEGER, maxAmountCents: ctx.maxCents ?? Number.MAX_SAFE_INTEGER, conflictsOfInterest: [], today: ctx.localDate },
  );
  if (!decision.ok) throw new Error(`Submitting refused by the lifecycle: ${decision.reason}`);
  const status = decision.status;
  // Tied to an existing account only when that address has signed in before (and so was proven).
  const applicantUserId = input.email ? await findUserIdByEmail(trx, input.email) : null;
  const submittedBy = ctx.onBehalf && ctx.user ? ctx.user.id : null;
  const reference = await nextReference(trx, Number(ctx.localDate.slice(0, 4)));
  const statusToken = newToken();
  const id = newId();
  await trx
    .insertInto("applications")
    .values({
      id,
      reference,
      submission_key: input.submissionKey,
      content_hash: contentHash,
      status,
      applicant_name: input.name,
      applicant_email: input.email ? normaliseEmail(input.email) : null,
      applicant_phone: input.phone,
      applicant_user_id: applicantUserId,
      submitted_by_user_id: submittedBy,
      area_id: input.areaId,
      title: input.title,
      description: input.description,
      activity_date: input.activityDate,
      expected_participants: input.participants,
      requested_cents: input.requestedCents,
      public_consent: input.publicConsent ? 1 : 0,
      status_token_hash: hashToken(statusToken),
      locale: ctx.locale,
      submitted_at: at,
      updated_at: at,
    })
    .execute();
  await trx.insertInto("application_factors").values(input.factorIds.map((factor_id) => ({ application_id: id, factor_id }))).execute();
  if (input.costLines.length > 0) {
    await trx
      .insertInto("application_cost_lines")
      .values(input.costLines.map((l, position) => ({ application_id: id, position, description: l.description, cents: l.cents })))
      .execute();
  }
  await writeAudit(trx, {
    at,
    actor: auditActorOf(ctx.user),
    action: "application.submitted",
    entityType: "application",
    entityId: id,
    before: null,
    after: { status, reference, requestedCents: input.requestedCents, onBehalf: ctx.onBehalf },
  });
  if (ctx.draftToken) {
    await trx.updateTable("drafts").set({ consumed_at: at }).where("token_hash", "=", hashToken(ctx.draftToken)).where("consumed_at", "is", null).execute();
  }
  // The lifecycle says who hears of it: the applicant (or the supporter without the resident's
  // e-mail) and the bureau's inbox.
  for (const effect of decision.effects) {
    if (effect.type !== "mail") continue;
    if (effect.to === "applicant") {
      const to = input.email ?? ctx.user?.email;
      if (!to) continue;
      const rendered = renderApplicationReceivedMail(ctx.t, { name: input.name, title: input.title, reference, statusUrl: `${ctx.publicUrl}/status/${statusToken}` });
      await enqueueMail(trx, { to, template: "application-received", rendered, at });
    } else if (ctx.bureauEmail) {
      const area = await trx.selectFrom("areas").select("name").where("id", "=", input.areaId).executeTakeFirstOrThrow();
      const rendered = renderNewApplicationMail(translator("nl"), { reference, title: input.title, areaName: area.name, url: `${ctx.publicUrl}/beheer/aanvragen/${reference}` });
      await enqueueMail(trx, { to: ctx.bureauEmail, template: "new-application", rendered, at });
    }
  }
  return { reference, created: true };
}

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
    if (input.previousToken) {
      await trx.updateTable("drafts").set({ consumed_at: at }).where("token_hash", "=", hashToken(input.previousToken)).where("consumed_at", "is", null).execute();
    }
    await trx
      .insertInto("drafts")
      .values({
        id,
        token_hash: hashToken(token),
        email: normaliseEmail(input.email),
        payload: JSON.stringify(input.payload),
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
  const payload: unknown = JSON.parse(row.payload);
  return payload && typeof payload === "object" ? (payload as DraftPayload) : null;
}
