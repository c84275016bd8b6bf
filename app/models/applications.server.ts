// Submitting an application: under the write lock, in one transaction, the row is made as a
// draft with its reference number, and then takes the lifecycle's "submit" step like any other
// step (models/lifecycle.server.ts: status, audit entry, mails). What pages read is in
// application-views.server.ts; drafts, fingerprints and reference numbers have their own files.
// An application belongs to its e-mail address: no account is made for an address nobody has
// proven to own. It shows in "Mijn aanvragen" once that address signs in.
import type { DB, Tx } from "~/services/db.server";
import type { ApplicationInput } from "~/forms/application-schema";
import type { Locale } from "~/i18n/translate";
import { amsterdamDate } from "~/domain/workdays";
import type { User } from "./users.server";
import { findUserIdByEmail, normaliseEmail } from "./users.server";
import { takeFromLimits } from "./rate-limits.server";
import { hashToken, newId, newToken } from "~/services/tokens.server";
import { withWriteLock } from "./lock.server";
import { applyLifecycleStep } from "./lifecycle.server";
import type { FundSettings } from "./lifecycle-context.server";
import { contentFingerprint, findRepeat } from "./fingerprints.server";
import { nextReference } from "./reference-numbers.server";
import { consumeDraft } from "./drafts.server";
import { toJson } from "../../db/json";
import { limitKeys } from "./form-limits.server";

export type SubmitContext = {
  user: User | null;
  onBehalf: boolean;
  /** The language of the form: the applicant's mails are written in it. */
  locale: Locale;
  now: Date;
  settings: FundSettings;
  draftToken?: string | null;
};

export type SubmitResult = { reference: string; created: boolean };

export type LimitedSubmitResult = ({ ok: true } & SubmitResult) | { ok: false; reason: "rate_limited"; retryAt: Date };

/** Submitting from the public form: as submitApplication, within the per-IP, per-user and per-address budgets. */
export async function submitApplicationWithinLimits(db: DB, input: ApplicationInput, ctx: SubmitContext & { ip: string }): Promise<LimitedSubmitResult> {
  return withWriteLock(db, submissionLocks(input), async (trx) => {
    // A repeat costs nothing: it stores nothing and sends nothing.
    const repeat = await findRepeat(trx, input, ctx.now);
    if (repeat) return { ok: true, reference: repeat, created: false } as const;
    const limit = await takeFromLimits(trx, limitKeys("application", ctx, input.email), ctx.now);
    if (!limit.ok) return { ok: false, reason: "rate_limited", retryAt: limit.retryAt } as const;
    return { ok: true, ...(await submitIn(trx, input, ctx)) } as const;
  });
}

export async function submitApplication(db: DB, input: ApplicationInput, ctx: SubmitContext): Promise<SubmitResult> {
  return withWriteLock(db, submissionLocks(input), (trx) => submitIn(trx, input, ctx));
}

/** Two sendings of one form (or of the same content) wait for each other, so the second finds the first as a repeat. */
function submissionLocks(input: ApplicationInput) {
  return { keys: [`application.submission:${input.submissionKey}`, `application.content:${contentFingerprint(input)}`] };
}

async function submitIn(trx: Tx, input: ApplicationInput, ctx: SubmitContext): Promise<SubmitResult> {
  const at = ctx.now.toISOString();
  const repeat = await findRepeat(trx, input, ctx.now);
  if (repeat) return { reference: repeat, created: false };

  const reference = await nextReference(trx, Number(amsterdamDate(ctx.now).slice(0, 4)));
  const statusToken = newToken();
  const id = newId();
  await trx
    .insertInto("applications")
    .values({
      id,
      reference,
      submission_key: input.submissionKey,
      content_hash: contentFingerprint(input),
      status: "draft",
      applicant_name: input.name,
      applicant_email: input.email ? normaliseEmail(input.email) : null,
      applicant_phone: input.phone,
      // Linked to an account after the step: see below.
      applicant_user_id: null,
      submitted_by_user_id: ctx.onBehalf && ctx.user ? ctx.user.id : null,
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
      closed_at: null,
      granted_cents: null,
      first_approver_user_id: null,
      ...outreachColumns(input),
    })
    .execute();
  await trx
    .insertInto("application_factors")
    .values(input.factorIds.map((factor_id) => ({ application_id: id, factor_id })))
    .execute();
  if (input.costLines.length > 0) {
    await trx
      .insertInto("application_cost_lines")
      .values(input.costLines.map((l, position) => ({ application_id: id, position, description: l.description, cents: l.cents })))
      .execute();
  }

  // The same step as every other: the lifecycle decides the status, the audit entry and the mails.
  const step = await applyLifecycleStep(
    trx,
    id,
    { type: "submit" },
    ctx.user,
    { settings: ctx.settings, statusUrl: `${ctx.settings.publicUrl}/status/${statusToken}`, audit: outreachAudit(input) },
    ctx.now,
  );
  // Anyone may send a new application, so a "no" here is a bug: throwing rolls everything back.
  if (!step.ok) throw new Error(`Submitting refused by the lifecycle: ${step.reason}`);

  // Tied to an existing account only when that address has signed in before (and so was proven).
  // After the step: while the row is new, the step is the sender's, whoever owns the address.
  const applicantUserId = input.email ? await findUserIdByEmail(trx, input.email) : null;
  if (applicantUserId) await trx.updateTable("applications").set({ applicant_user_id: applicantUserId }).where("id", "=", id).execute();
  if (ctx.draftToken) await consumeDraft(trx, ctx.draftToken, at);
  return { reference, created: true };
}

/** The two optional questions as stored: null when not answered (migration 0011). */
function outreachColumns(input: ApplicationInput) {
  const help = input.helpWanted ?? [];
  return {
    help_wanted_json: help.length > 0 ? toJson(help) : null,
    found_via: input.foundVia ?? null,
    found_via_other: input.foundVia === "other" ? (input.foundViaOther ?? null) : null,
  };
}

/** The same answers in the submission's audit row, only those given. */
function outreachAudit(input: ApplicationInput): Record<string, unknown> {
  const { help_wanted_json, found_via, found_via_other } = outreachColumns(input);
  return {
    ...(help_wanted_json ? { helpWanted: input.helpWanted } : {}),
    ...(found_via ? { foundVia: found_via } : {}),
    ...(found_via_other ? { foundViaOther: found_via_other } : {}),
  };
}
