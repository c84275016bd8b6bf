// A one-time notice after a redirect (post, redirect, get): the action stores a catalogue key as a
// flash value in the server-side session; the next page's loader takes it, which removes it, so a
// reload or the back button does not show it again. The notice is never in the URL, so it cannot
// be forged by a link or bookmarked.
import { redirect } from "@remix-run/node";
import { catalogue, type MessageKey } from "~/i18n/catalogue";
import { commitSession, getSession } from "./session.server";

/** Redirects (303: the next request is a GET) with a notice the next page shows once. */
export async function redirectWithNotice(request: Request, to: string, notice: MessageKey, init: { headers?: HeadersInit } = {}): Promise<Response> {
  const session = await getSession(request);
  session.flash("notice", notice);
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await commitSession(session));
  return redirect(to, { status: 303, headers });
}

/**
 * The notice waiting for this request, if any; taking it removes it from the session. Call it in
 * the loader of the page that shows it (the bureau's layout does, for every bureau page), and only
 * there: two loaders taking it would race.
 */
export async function takeNotice(request: Request): Promise<MessageKey | null> {
  const session = await getSession(request);
  if (!session.has("notice")) return null;
  const notice = session.get("notice");
  // The session lives on the server, so saving it is what removes the flash value.
  await commitSession(session);
  return typeof notice === "string" && notice in catalogue.nl ? (notice as MessageKey) : null;
}
