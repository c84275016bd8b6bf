// One-time sign-in codes and links. Only hashes are stored; each code works once, for 15 minutes.
// Guessing is bounded twice: five tries per code, and a budget of wrong codes per address over
// hours, days and weeks (domain/rate-limit.ts; the arithmetic is in decision 050). Only the
// newest code of an address counts, so each guess has one chance in a million. The links are
// never locked: they are 256-bit tokens that cannot be guessed, so a person whose code path an
// attacker has used up still signs in with the link in the mail.
import type { DB, Tx } from "~/services/db.server";
import { hashToken, newId, newNumericCode, newToken } from "~/services/tokens.server";
import { findOrCreateResident, findUserIdByEmail, normaliseEmail } from "./users.server";
import { enqueueMail } from "./outbox.server";
import { writeAudit } from "./audit.server";
import { checkLimit, peekLimit, recordEvent, takeFromLimits } from "./rate-limits.server";
import { BUDGETS } from "~/domain/rate-limit";
import { renderSignInMail } from "../../emails/sign-in";
import { renderSignInLockedMail } from "../../emails/sign-in-locked";
import { translator, type Locale, type Translate } from "~/i18n/translate";
import { formatDateTime } from "~/components/format";

export const CODE_LIFETIME_MS = 15 * 60 * 1000;
export const MAX_ATTEMPTS_PER_CODE = 5;
export const MAX_CODES_PER_ADDRESS = BUDGETS["sign_in.mail.address"][0].max; // per 15 minutes
export const MAX_CODES_PER_IP = BUDGETS["sign_in.mail.ip"][0].max; // per 15 minutes

function codeHash(email: string, code: string): string {
  return hashToken(`${normaliseEmail(email)}:${code}`);
}

export type IssueResult = { ok: true } | { ok: false; reason: "rate_limited"; retryAt: Date };

export async function issueLoginCode(db: DB, input: { email: string; ip: string; now: Date; t: Translate; linkBase: string }): Promise<IssueResult> {
  const email = normaliseEmail(input.email);
  const at = input.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const limit = await takeFromLimits(
      trx,
      [
        { bucket: "sign_in.mail.address", key: email },
        { bucket: "sign_in.mail.ip", key: input.ip },
      ],
      input.now,
    );
    if (!limit.ok) return { ok: false, reason: "rate_limited", retryAt: limit.retryAt } as const;
    const code = newNumericCode();
    const token = newToken();
    await trx
      .insertInto("login_codes")
      .values({
        id: newId(),
        email,
        code_hash: codeHash(email, code),
        link_hash: hashToken(token),
        ip: input.ip,
        attempts: 0,
        expires_at: new Date(input.now.getTime() + CODE_LIFETIME_MS).toISOString(),
        used_at: null,
        created_at: at,
      })
      .execute();
    const link = `${input.linkBase}/inloggen/link/${token}`;
    // The mail is worthless once the code has expired: the outbox never sends it after that.
    const expiresAt = new Date(input.now.getTime() + CODE_LIFETIME_MS).toISOString();
    await enqueueMail(trx, { to: email, template: "sign-in", rendered: renderSignInMail(input.t, { code, link }), at, expiresAt });
    return { ok: true } as const;
  });
}

export type VerifyResult = { ok: true; userId: string } | { ok: false; reason: "invalid" } | { ok: false; reason: "locked"; retryAt: Date };

/** Signing in proves the address: the resident's account is made now (staff accounts already exist). */
async function consume(trx: Tx, email: string, at: string, method: "code" | "link"): Promise<string> {
  await trx.updateTable("login_codes").set({ used_at: at }).where("email", "=", email).where("used_at", "is", null).execute();
  const { id } = await findOrCreateResident(trx, email, email.split("@")[0] ?? email, at);
  await writeAudit(trx, { at, actor: { userId: id, label: email }, action: "user.signed_in", entityType: "user", entityId: id, after: { method } });
  return id;
}

/** Until when typing a code is paused for this address; null when it is not. */
export async function codeLockedUntil(db: DB, email: string, now: Date): Promise<Date | null> {
  const check = await peekLimit(db, "sign_in.failure.address", normaliseEmail(email), now);
  return check.ok ? null : check.retryAt;
}

/** The wrong code that used up the budget: an audit row, and (at most daily) a mail to the person. */
async function lockOut(trx: Tx, input: { email: string; retryAt: Date; now: Date; locale: Locale; linkBase: string }): Promise<void> {
  const at = input.now.toISOString();
  const userId = await findUserIdByEmail(trx, input.email);
  await writeAudit(trx, {
    at,
    actor: { userId: null, label: "anonymous" },
    action: "sign_in.locked",
    entityType: userId ? "user" : "sign_in_address",
    entityId: userId ?? input.email,
    after: { until: input.retryAt.toISOString(), path: "code" },
  });
  const mail = await takeFromLimits(trx, [{ bucket: "sign_in.lock_mail.address", key: input.email }], input.now);
  if (!mail.ok) return;
  const rendered = renderSignInLockedMail(translator(input.locale), {
    email: input.email,
    until: formatDateTime(input.retryAt.toISOString(), input.locale),
    signInUrl: `${input.linkBase}/inloggen`,
  });
  await enqueueMail(trx, { to: input.email, template: "sign-in-locked", rendered, at });
}

export async function verifyLoginCode(db: DB, input: { email: string; code: string; now: Date; locale?: Locale; linkBase?: string }): Promise<VerifyResult> {
  const email = normaliseEmail(input.email);
  const at = input.now.toISOString();
  return db.transaction().execute(async (trx) => {
    // A locked address is not even compared: a guess while locked tells the guesser nothing.
    const budget = await checkLimit(trx, "sign_in.failure.address", email, input.now);
    if (!budget.ok) return { ok: false, reason: "locked", retryAt: budget.retryAt } as const;
    const newest = await trx
      .selectFrom("login_codes")
      .select(["id", "code_hash", "attempts"])
      .where("email", "=", email)
      .where("used_at", "is", null)
      .where("expires_at", ">", at)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!newest || newest.attempts >= MAX_ATTEMPTS_PER_CODE) return { ok: false, reason: "invalid" } as const;
    // Count the attempt first, so a refused guess still uses up a try.
    await trx
      .updateTable("login_codes")
      .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
      .where("id", "=", newest.id)
      .execute();
    if (newest.code_hash === codeHash(email, input.code)) return { ok: true, userId: await consume(trx, email, at, "code") } as const;

    await recordEvent(trx, "sign_in.failure.address", email, input.now);
    const after = await checkLimit(trx, "sign_in.failure.address", email, input.now);
    if (after.ok) return { ok: false, reason: "invalid" } as const;
    await lockOut(trx, { email, retryAt: after.retryAt, now: input.now, locale: input.locale ?? "nl", linkBase: input.linkBase ?? "" });
    return { ok: false, reason: "locked", retryAt: after.retryAt } as const;
  });
}

/**
 * The link works whatever the code budget says: the token itself is the proof. It is marked used
 * in the statement that finds it, so of two requests with one link at the same moment (two
 * servers, or a mail scanner and the person) only one signs in, on both engines; a read first
 * would let both see it unused under PostgreSQL's READ COMMITTED.
 */
export async function verifyLoginLink(db: DB, input: { token: string; now: Date }): Promise<VerifyResult> {
  const at = input.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("login_codes")
      .set({ used_at: at })
      .where("link_hash", "=", hashToken(input.token))
      .where("used_at", "is", null)
      .where("expires_at", ">", at)
      .returning("email")
      .executeTakeFirst();
    if (!row) return { ok: false, reason: "invalid" } as const;
    return { ok: true, userId: await consume(trx, row.email, at, "link") } as const;
  });
}
