// Sign-in with remix-auth: two small strategies over our own login_codes table
// (a typed code, or the single-use link from the mail). No passwords.
import { Authenticator } from "remix-auth";
import { Strategy } from "remix-auth/strategy";
import { redirect } from "@remix-run/node";
import { getDb } from "./db.server";
import { now } from "./clock.server";
import { getSession } from "./session.server";
import { readForm } from "./form.server";
import { getLocale } from "./locale.server";
import { config } from "./config.server";
import { verifyLoginCode, verifyLoginLink } from "~/models/login-codes.server";
import { actorOf, getUserById, type User } from "~/models/users.server";

export { actorOf };
import { can, type Action } from "~/domain/permissions";

export class SignInRefused extends Error {
  constructor(
    readonly reason: "invalid" | "no_pending" | "format" | "locked",
    /** When "locked": from when a code may be typed again. */
    readonly retryAt?: Date,
  ) {
    super(reason);
  }
}

class EmailCodeStrategy extends Strategy<string, { email: string; code: string; request: Request }> {
  name = "email-code";
  override async authenticate(request: Request): Promise<string> {
    const form = await readForm(request);
    const code = String(form.get("code") ?? "").replace(/\s/g, "");
    if (!/^\d{6}$/.test(code)) throw new SignInRefused("format");
    const email = (await getSession(request)).get("pendingEmail");
    if (!email) throw new SignInRefused("no_pending");
    return this.verify({ email, code, request });
  }
}

class EmailLinkStrategy extends Strategy<string, { token: string }> {
  name = "email-link";
  override async authenticate(request: Request): Promise<string> {
    const form = await readForm(request);
    return this.verify({ token: String(form.get("token") ?? "") });
  }
}

export const authenticator = new Authenticator<string>()
  .use(
    new EmailCodeStrategy(async ({ email, code, request }) => {
      // The locale and public address are for the mail that tells the person their code path is paused.
      const result = await verifyLoginCode(await getDb(), { email, code, now: now(), locale: await getLocale(request), linkBase: config().publicUrl });
      if (!result.ok) throw new SignInRefused(result.reason, result.reason === "locked" ? result.retryAt : undefined);
      return result.userId;
    }),
  )
  .use(
    new EmailLinkStrategy(async ({ token }) => {
      const result = await verifyLoginLink(await getDb(), { token, now: now() });
      if (!result.ok) throw new SignInRefused("invalid");
      return result.userId;
    }),
  );

export async function getUser(request: Request): Promise<User | null> {
  const userId = (await getSession(request)).get("userId");
  if (!userId) return null;
  return getUserById(await getDb(), userId);
}

export async function requireUser(request: Request): Promise<User> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/** Signs the user in if needed, then checks the permission table; 403 when it says no. */
export async function requirePermission(request: Request, action: Action, resource?: Parameters<typeof can>[2]): Promise<User> {
  const user = await requireUser(request);
  if (!can(actorOf(user), action, resource).allowed) throw new Response("Forbidden", { status: 403 });
  return user;
}
