// The session lives in a signed, httpOnly, SameSite=Lax cookie: who is signed in, the address
// waiting for a code, and one-time notices for the next page.
import { createCookieSessionStorage, type Session } from "@remix-run/node";
import { config } from "./config.server";

type SessionData = { userId: string; pendingEmail: string; afterSignIn: string; lastReference: string; lastOnBehalf: boolean; draftEmail: string };

let storage: ReturnType<typeof createCookieSessionStorage<SessionData>> | undefined;

function sessionStorage() {
  storage ??= createCookieSessionStorage<SessionData>({
    cookie: {
      name: "__session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: config().secureCookies,
      secrets: [config().sessionSecret],
      maxAge: 60 * 60 * 24 * 7,
    },
  });
  return storage;
}

export type AppSession = Session<SessionData>;

export function getSession(request: Request): Promise<AppSession> {
  return sessionStorage().getSession(request.headers.get("Cookie"));
}

export function commitSession(session: AppSession): Promise<string> {
  return sessionStorage().commitSession(session);
}

export function destroySession(session: AppSession): Promise<string> {
  return sessionStorage().destroySession(session);
}
