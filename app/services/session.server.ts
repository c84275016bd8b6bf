// The session lives on the server (models/sessions.server.ts); the signed, httpOnly, SameSite=Lax
// cookie holds only a random id. It carries who is signed in, the address waiting for a code,
// and one-time notices for the next page.
import crypto from "node:crypto";
import { createSessionStorage, type Session } from "@remix-run/node";
import { config } from "./config.server";
import { getDb } from "./db.server";
import { now } from "./clock.server";
import { createSession, readSession, revokeSession, updateSession } from "~/models/sessions.server";
import { RESIDENT_LIFETIME, STAFF_LIFETIME } from "~/domain/session-policy";

type SessionData = {
  userId: string;
  /** Set at sign-in: staff sessions end sooner (domain/session-policy). */
  staff: boolean;
  pendingEmail: string;
  afterSignIn: string;
  lastReference: string;
  lastOnBehalf: boolean;
  draftEmail: string;
  /** A one-time notice for the next page (services/notice.server.ts): a catalogue key. */
  notice: string;
};

let storage: ReturnType<typeof createSessionStorage<SessionData>> | undefined;

function sessionStorage() {
  storage ??= createSessionStorage<SessionData>({
    cookie: {
      name: "__session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: config().secureCookies,
      secrets: [config().sessionSecret],
      // The server decides when a session ends; the cookie only has to outlive it.
      maxAge: RESIDENT_LIFETIME.absoluteMs / 1000,
    },
    async createData(data) {
      const id = crypto.randomBytes(32).toString("base64url");
      await createSession(await getDb(), id, data, data.staff ? STAFF_LIFETIME : RESIDENT_LIFETIME, now());
      return id;
    },
    async readData(id) {
      return (await readSession(await getDb(), id, now())) as Partial<SessionData> | null;
    },
    async updateData(id, data) {
      await updateSession(await getDb(), id, data);
    },
    async deleteData(id) {
      await revokeSession(await getDb(), id, now());
    },
  });
  return storage;
}

export type AppSession = Session<SessionData>;

export function getSession(request: Request): Promise<AppSession> {
  return sessionStorage().getSession(request.headers.get("Cookie"));
}

/** An empty session with a new id on its first commit: signing in never reuses an old one. */
export function newSession(): Promise<AppSession> {
  return sessionStorage().getSession();
}

export function commitSession(session: AppSession): Promise<string> {
  return sessionStorage().commitSession(session);
}

/** Ends the session on the server and clears the cookie. */
export function destroySession(session: AppSession): Promise<string> {
  return sessionStorage().destroySession(session);
}
