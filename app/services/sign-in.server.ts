// Finishing a sign-in: the session of the visitor before signing in is ended, and a fresh one
// (a new id, none of the old values) holds the user; then back to where they were going.
import { redirect } from "@remix-run/node";
import { commitSession, destroySession, getSession, newSession } from "./session.server";
import { safeRedirectPath } from "./redirect.server";
import { getDb } from "./db.server";
import { actorOf, getUserById } from "~/models/users.server";
import { can } from "~/domain/permissions";
import { isStaff } from "~/domain/session-policy";

export async function completeSignIn(request: Request, userId: string): Promise<Response> {
  const user = await getUserById(await getDb(), userId);
  if (!user) throw new Error("Signed-in user does not exist");
  const previous = await getSession(request);
  const back = safeRedirectPath(previous.get("afterSignIn"), "");
  if (previous.id) await destroySession(previous);
  const session = await newSession();
  session.set("userId", userId);
  session.set("staff", isStaff(user.roles));
  // Without a page to return to, staff start at the bureau's list and residents at their own applications.
  const home = can(actorOf(user), "bureau.access").allowed ? "/beheer/aanvragen" : "/mijn-aanvragen";
  return redirect(back || home, { headers: { "Set-Cookie": await commitSession(session) } });
}
