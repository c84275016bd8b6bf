// Finishing a sign-in: a fresh session with the user in it, then back to where they were going.
import { redirect } from "@remix-run/node";
import { commitSession, getSession } from "./session.server";
import { safeRedirectPath } from "./redirect.server";

export async function completeSignIn(request: Request, userId: string): Promise<Response> {
  const session = await getSession(request);
  const back = safeRedirectPath(session.get("afterSignIn"), "/mijn-aanvragen");
  session.unset("pendingEmail");
  session.unset("afterSignIn");
  session.set("userId", userId);
  return redirect(back, { headers: { "Set-Cookie": await commitSession(session) } });
}
