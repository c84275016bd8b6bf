// A signed-in bureau session without the mail round trip, as tests/e2e/minted-session.ts makes
// one: the session row through the app's own model (either engine), and the cookie signed with
// the server's SESSION_SECRET by Remix's createCookie.
import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import type { DB } from "../../app/services/db.server";
import { createSession } from "../../app/models/sessions.server";
import { findUserIdByEmail, getUserById } from "../../app/models/users.server";
import { isStaff, lifetimeFor } from "../../app/domain/session-policy";

export async function mintSessionCookie(db: DB, email: string, secret: string): Promise<string> {
  const id = await findUserIdByEmail(db, email);
  const user = id ? await getUserById(db, id) : null;
  if (!user) throw new Error(`no user ${email} in the generated data`);
  const sessionId = crypto.randomBytes(32).toString("base64url");
  await createSession(db, sessionId, { userId: user.id, staff: isStaff(user.roles) }, lifetimeFor(user.roles), new Date());
  const header = await createCookie("__session", { secrets: [secret], httpOnly: true, sameSite: "lax", path: "/" }).serialize(sessionId);
  return header.slice(0, header.indexOf(";"));
}
