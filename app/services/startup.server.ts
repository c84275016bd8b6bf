// What server.js asks of the app before it listens: the whole configuration, validated, and a
// database that opens and migrates. Any failure ends the process with one clear line, instead of a
// server that answers 500 on every page.
import { config, readConfig } from "./config.server";
import { getDb } from "./db.server";
import { checkRequest, type GuardHeaders } from "./request-guard.server";
import { plainPage } from "./plain-page.server";
import type { TrustProxy } from "./trust-proxy.server";
import { startMailWorker } from "./mail.server";

export type ServerSettings = { port: number; publicUrl: string; trustProxy: TrustProxy; hsts: boolean };

export async function startup(): Promise<ServerSettings> {
  readConfig(); // throws a ConfigError with the first bad setting
  const c = config();
  await getDb();
  startMailWorker();
  return { port: c.port, publicUrl: c.publicUrl, trustProxy: c.trustProxy, hsts: c.publicUrl.startsWith("https://") };
}

/** A refusal (status and calm page) for a request that must not reach Remix, or null. */
export function guardRequest(method: string, headers: GuardHeaders): { status: number; reason: string; html: string } | null {
  const refusal = checkRequest(method, headers, config().publicUrl);
  if (!refusal) return null;
  const html = plainPage("security.refused.title", refusal.reason === "host" ? "security.refused.host" : "security.refused.origin");
  return { ...refusal, html };
}

export function errorPage(traceId: string): string {
  return plainPage("error.title", "error.generic.text", { key: "security.error.reference", values: { traceId } });
}
