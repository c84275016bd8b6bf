// Checks that run before Remix sees a request (server.js): a form post must come from our own
// pages, and must name our own host. Remix's own check would throw (a 500 with a stack trace)
// on a forged Host or X-Forwarded-Host; this answers 400 or 403 with a calm page instead.
// SameSite cookies already stop most cross-site posts; checking Origin also closes login CSRF
// (a sign-in link token posted from another site) and covers older browsers.

export type GuardHeaders = {
  host?: string | undefined;
  forwardedHost?: string | undefined;
  origin?: string | undefined;
  fetchSite?: string | undefined;
};

export type Refusal = { status: 400 | 403; reason: "host" | "origin" };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The hosts ("name:port") this site answers to: PUBLIC_URL's, and on loopback every loopback name. */
export function allowedHosts(publicUrl: string): Set<string> {
  const url = new URL(publicUrl);
  if (!LOOPBACK.has(url.hostname)) return new Set([url.host]);
  const port = url.port ? `:${url.port}` : "";
  return new Set([...LOOPBACK].map((name) => `${name}${port}`));
}

function originHost(origin: string, protocol: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === protocol && url.origin === origin.replace(/\/$/, "") ? url.host : null;
  } catch {
    return null;
  }
}

export function checkRequest(method: string, headers: GuardHeaders, publicUrl: string): Refusal | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const hosts = allowedHosts(publicUrl);
  // The first X-Forwarded-Host wins, as in Remix's own check.
  const host = (headers.forwardedHost?.split(",")[0]?.trim() || headers.host || "").toLowerCase();
  if (!hosts.has(host)) return { status: 400, reason: "host" };
  if (headers.origin !== undefined) {
    const from = originHost(headers.origin, new URL(publicUrl).protocol);
    if (from === null || !hosts.has(from)) return { status: 403, reason: "origin" };
    return null;
  }
  // No Origin (older browsers, scripts): a browser's Fetch Metadata still says where it came from.
  if (headers.fetchSite !== undefined && headers.fetchSite !== "same-origin" && headers.fetchSite !== "none") {
    return { status: 403, reason: "origin" };
  }
  return null;
}
