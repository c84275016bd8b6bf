// Signing in without the mail round trip, for tests whose subject is not signing in (who may see
// which page, the bureau's screens, accessibility). It writes a session row into the e2e server's
// database (tests/e2e/db.ts, either engine) as app/models/sessions.server.ts would (only the SHA-256 of a random id, the user's
// values, the lifetimes of domain/session-policy) and gives the browser the `__session` cookie
// the app would have set: the id, signed with the e2e SESSION_SECRET by Remix's own createCookie.
// Sign-in tests keep the real path (helpers.ts signIn: the form, the mail, the code).
// tests/e2e/minted-session.spec.ts checks that a real cookie and a minted one look the same.
import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import type { BrowserContext, Page } from "@playwright/test";
import { run, transaction, type Queries } from "./db";
import { lifetimeFor, isStaff } from "../../app/domain/session-policy";
import type { Role } from "../../app/domain/permissions";

function env(name: "E2E_SESSION_SECRET" | "E2E_BASE_URL"): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (see playwright.config.ts)`);
  return value;
}

/** The app's cookie, as app/services/session.server.ts makes it (the name and the secret are what count for signing). */
export function sessionCookie() {
  return createCookie("__session", { secrets: [env("E2E_SESSION_SECRET")], httpOnly: true, sameSite: "lax", path: "/" });
}

/**
 * The user with this address, made a resident when there is none yet (as a first sign-in would;
 * the audit row a real sign-in writes is left out, no test of the audit log uses this).
 */
async function userOf(tx: Queries, email: string): Promise<{ id: string; roles: Role[] }> {
  const address = email.trim().toLowerCase();
  let user = await tx.one<{ id: string }>("SELECT id FROM users WHERE email = ?", [address]);
  if (!user) {
    user = { id: crypto.randomUUID() };
    await tx.run("INSERT INTO users (id, email, name, organisation_id, created_at) VALUES (?, ?, ?, NULL, ?)", [
      user.id,
      address,
      address,
      new Date().toISOString(),
    ]);
    await tx.run("INSERT INTO user_roles (user_id, role) VALUES (?, 'resident')", [user.id]);
  }
  const roles = (await tx.query<{ role: Role }>("SELECT role FROM user_roles WHERE user_id = ?", [user.id])).map((r) => r.role);
  return { id: user.id, roles };
}

/** Writes a fresh session for this address into the server's database; returns the random id. */
export async function mintSession(email: string): Promise<string> {
  // The user and their roles in one transaction, so a new user never lacks its role row.
  const user = await transaction((tx) => userOf(tx, email));
  const id = crypto.randomBytes(32).toString("base64url");
  const lifetime = lifetimeFor(user.roles);
  const now = new Date();
  await run(
    `INSERT INTO sessions (id_hash, user_id, data, idle_ms, absolute_ms, created_at, last_seen_at, expires_at, revoked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    [
      crypto.createHash("sha256").update(id).digest("hex"),
      user.id,
      JSON.stringify({ userId: user.id, staff: isStaff(user.roles) }),
      lifetime.idleMs,
      lifetime.absoluteMs,
      now.toISOString(),
      now.toISOString(),
      new Date(now.getTime() + lifetime.absoluteMs).toISOString(),
    ],
  );
  return id;
}

/** The cookie's value (as in a Cookie header) that carries this session id. */
export async function signedSessionValue(id: string): Promise<string> {
  const header = await sessionCookie().serialize(id);
  return header.slice("__session=".length, header.indexOf(";"));
}

/**
 * Signs this page's browser context (or a context) in as `email`, with no mail and no sign-in
 * page: the next request is signed in. A previous session cookie in the context is replaced.
 */
export async function signInAs(target: Page | BrowserContext, email: string): Promise<void> {
  const context = "context" in target ? target.context() : target;
  const value = await signedSessionValue(await mintSession(email));
  await context.addCookies([{ name: "__session", value, url: env("E2E_BASE_URL"), httpOnly: true, sameSite: "Lax" }]);
}
