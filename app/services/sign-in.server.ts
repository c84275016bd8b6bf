// Finishing a sign-in: a fresh session with the user in it, then back to where they were going.
import { redirect } from "@remix-run/node";
import { commitSession, getSession } from "./session.server";
import { safeRedirectPath } from "./redirect.server";
import { getDb } from "./db.server";
import { actorOf, getUserById } from "~/models/users.server";
import { can } from "~/domain/permissions";

/** Without a page to return to, staff start at the bureau's list and residents at their own applications. */
async function homeFor(userId: string): Promise<string> {
  const user = await getUserById(await getDb(), userId);
  return can(actorOf(user), "bureau.access").allowed ? "/beheer/aanvragen" : "/mijn-aanvragen";
}

export async function completeSignIn(request: Request, userId: string): Promise<Response> {
  const session = await getSession(request);
  const back = safeRedirectPath(session.get("afterSignIn"), "") || (await homeFor(userId));
  session.unset("pendingEmail");
  session.unset("afterSignIn");
  session.set("userId", userId);
  return redirect(back, { headers: { "Set-Cookie": await commitSession(session) } });
}
