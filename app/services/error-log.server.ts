// Unexpected server errors as ONE log line: "[error] <trace id> METHOD /path: message"; the trace
// id is also on the error page, so the helpdesk finds the line. A visitor's
// mistakes (404, 405: Remix hands them over as route error responses) and requests the
// browser gave up on are not errors of ours and are not logged. Form values never reach the
// line: only the method, the path with its route parameters (tokens!) masked, and the message.
import { isRouteErrorResponse } from "@remix-run/react";

type Where = { request: Request; params?: Record<string, string | undefined>; traceId?: string | undefined };

/** The error as one line, or null when it is not worth a line. */
export function serverErrorLine(error: unknown, { request, params = {}, traceId }: Where): string | null {
  if (request.signal.aborted) return null;
  if (isRouteErrorResponse(error) && error.status < 500) return null;
  // Remix wraps its own errors (no route, no action) in a route error response.
  const inner = isRouteErrorResponse(error) ? ((error as { error?: unknown }).error ?? error.statusText) : error;
  const message = inner instanceof Error ? `${inner.name === "Error" ? "" : `${inner.name}: `}${inner.message}` : String(inner);
  return `[error] ${traceId ? `${traceId} ` : ""}${request.method} ${maskedPath(request, params)}: ${message.replace(/\s+/g, " ").trim().slice(0, 500)}`;
}

export function logServerError(error: unknown, where: Where): void {
  const line = serverErrorLine(error, where);
  if (line) console.error(line);
}

/**
 * A path fit for the log when the route is not known (server.js): no query string, and long
 * tokens (status links, sign-in links) cut.
 */
export function loggablePath(url: string): string {
  const path = url.split("?")[0] ?? "";
  return path.replace(/[A-Za-z0-9_-]{20,}/g, "…");
}

/** The path without the query, each route parameter replaced by its name (/status/:token), and any other long token cut. */
function maskedPath(request: Request, params: Record<string, string | undefined>): string {
  const names = new Map(Object.entries(params).flatMap(([name, value]) => (value ? [[value, name] as const] : [])));
  const segments = new URL(request.url).pathname.split("/").map((segment) => {
    const name = names.get(decoded(segment));
    return name ? `:${name}` : segment;
  });
  return loggablePath(segments.join("/"));
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
