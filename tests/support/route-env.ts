// Calling a route's loader or action in-process, on a fresh database (test-db.ts): what the route returns
// (the loader data Remix serialises into the page) is what an attacker could read.
import { freshDb } from "./test-db";
import type { DB } from "~/services/db.server";
import { commitSession, getSession } from "~/services/session.server";

export const TEST_SESSION_SECRET = "route-test-session-secret-that-is-long-enough-0123456789";

/**
 * A fresh database that the app's own getDb() also returns. Use once per test file (beforeAll):
 * the app reads its configuration once per process, and vitest runs each file in its own fork.
 */
export async function routeDb(options: Parameters<typeof freshDb>[0] = {}): Promise<{ db: DB; cleanup: () => Promise<void> }> {
  const { db, url, cleanup } = await freshDb(options);
  process.env.DATABASE_URL = url;
  process.env.SESSION_SECRET ??= TEST_SESSION_SECRET;
  process.env.PUBLIC_URL ??= "http://localhost:3000";
  // The app keeps one connection per process on globalThis (db.server.ts): hand it ours.
  (globalThis as unknown as { __inwonersfondsDb?: Promise<DB> }).__inwonersfondsDb = Promise.resolve(db);
  return { db, cleanup };
}

/** A Cookie header for a signed-in user, as the sign-in routes would have set it. */
export async function signedInCookie(userId: string): Promise<string> {
  const session = await getSession(new Request("http://localhost/"));
  session.set("userId", userId);
  return (await commitSession(session)).split(";")[0]!;
}

export function get(path: string, cookie?: string): Request {
  return new Request(`http://localhost:3000${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** The loader's data as it goes into the page: unwraps Remix's data() and thrown Responses. */
export async function run<T>(fn: () => Promise<T>): Promise<{ status: number; data: unknown; headers: Headers }> {
  try {
    const result = (await fn()) as unknown;
    if (result instanceof Response) return { status: result.status, data: await result.text(), headers: result.headers };
    if (result && typeof result === "object" && (result as { type?: unknown }).type === "DataWithResponseInit") {
      const d = result as unknown as { data: unknown; init: ResponseInit | null };
      return { status: d.init?.status ?? 200, data: d.data, headers: new Headers(d.init?.headers) };
    }
    return { status: 200, data: result, headers: new Headers() };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, data: await error.text(), headers: error.headers };
    throw error;
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const HEX_HASH = /\b[0-9a-f]{64}\b/gi;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;

/** E-mail addresses, UUIDs and sha-256 hashes in a serialised value, for "nothing that should not be there". */
/** The field errors of a form post answered with conform's reply (`{ result }` in the action data). */
export const formErrors = (result: { data: unknown }) => (result.data as { result: { error: Record<string, string[]> } }).result.error;

export function identifiersIn(value: unknown): { emails: string[]; uuids: string[]; hashes: string[] } {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return { emails: text.match(EMAIL) ?? [], uuids: text.match(UUID) ?? [], hashes: text.match(HEX_HASH) ?? [] };
}
