// One-time sign-in codes and links. Only hashes are stored; each code works once, for 15 minutes,
// and each wrong guess is counted before the check so guessing stops after five tries.
import type { DB } from "~/services/db.server";
import { hashToken, newId, newNumericCode, newToken } from "~/services/tokens.server";
import { findOrCreateResident, normaliseEmail } from "./users.server";
import { enqueueMail } from "./outbox.server";
import { renderSignInMail } from "../../emails/sign-in";
import type { Translate } from "~/i18n/translate";

export const CODE_LIFETIME_MS = 15 * 60 * 1000;
export const MAX_ATTEMPTS_PER_CODE = 5;
export const MAX_CODES_PER_ADDRESS = 5; // per 15 minutes
// A shared connection (a community centre, the bureau behind one address) serves many people.
export const MAX_CODES_PER_IP = 50; // per 15 minutes

function codeHash(email: string, code: string): string {
  return hashToken(`${normaliseEmail(email)}:${code}`);
}

export type IssueResult = { ok: true } | { ok: false; reason: "rate_limited" };

export async function issueLoginCode(
  db: DB,
  input: { email: string; ip: string; now: Date; t: Translate; linkBase: string },
): Promise<IssueResult> {
  const email = normaliseEmail(input.email);
  const since = new Date(input.now.getTime() - CODE_LIFETIME_MS).toISOString();
  const at = input.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const [byAddress, byIp] = await Promise.all([
      trx.selectFrom("login_codes").select((eb) => eb.fn.countAll<number>().as("n")).where("email", "=", email).where("created_at", ">", since).executeTakeFirstOrThrow(),
      trx.selectFrom("login_codes").select((eb) => eb.fn.countAll<number>().as("n")).where("ip", "=", input.ip).where("created_at", ">", since).executeTakeFirstOrThrow(),
    ]);
    if (Number(byAddress.n) >= MAX_CODES_PER_ADDRESS || Number(byIp.n) >= MAX_CODES_PER_IP) {
      return { ok: false, reason: "rate_limited" } as const;
    }
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

export type VerifyResult = { ok: true; userId: string } | { ok: false; reason: "invalid" };

/** Signing in creates the resident's account on first use; staff accounts already exist. */
async function consume(trx: DB, email: string, at: string): Promise<string> {
  await trx.updateTable("login_codes").set({ used_at: at }).where("email", "=", email).where("used_at", "is", null).execute();
  return findOrCreateResident(trx, email, email.split("@")[0] ?? email, at);
}

export async function verifyLoginCode(db: DB, input: { email: string; code: string; now: Date }): Promise<VerifyResult> {
  const email = normaliseEmail(input.email);
  const at = input.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const live = await trx
      .selectFrom("login_codes")
      .select(["id", "code_hash", "attempts"])
      .where("email", "=", email)
      .where("used_at", "is", null)
      .where("expires_at", ">", at)
      .execute();
    const usable = live.filter((row) => row.attempts < MAX_ATTEMPTS_PER_CODE);
    if (usable.length === 0) return { ok: false, reason: "invalid" } as const;
    // Count the attempt first, so a refused guess still uses up a try.
    await trx
      .updateTable("login_codes")
      .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
      .where("id", "in", usable.map((r) => r.id))
      .execute();
    const hash = codeHash(email, input.code);
    if (!usable.some((row) => row.code_hash === hash)) return { ok: false, reason: "invalid" } as const;
    return { ok: true, userId: await consume(trx, email, at) } as const;
  });
}

export async function verifyLoginLink(db: DB, input: { token: string; now: Date }): Promise<VerifyResult> {
  const at = input.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("login_codes")
      .select(["email"])
      .where("link_hash", "=", hashToken(input.token))
      .where("used_at", "is", null)
      .where("expires_at", ">", at)
      .executeTakeFirst();
    if (!row) return { ok: false, reason: "invalid" } as const;
    return { ok: true, userId: await consume(trx, row.email, at) } as const;
  });
}
