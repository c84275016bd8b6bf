// Server entry: streams the page and logs unexpected errors as one line with a trace id. It also
// hands server.js what it needs before listening (startup.server.ts starts the outbox sender).
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { loggablePath } from "~/services/startup.server";

export { startup, guardRequest, errorPage, loggablePath } from "~/services/startup.server";

export const streamTimeout = 5000;

// One line per unexpected error: method, path (tokens cut), trace id; never form values.
// A page that does not exist and a visitor who went away are not errors.
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith("No route matches URL")) return;
  const traceId = typeof context.traceId === "string" ? context.traceId : "-";
  const frame = error instanceof Error ? (error.stack?.split("\n")[1]?.trim() ?? "") : "";
  console.error(`[error] ${traceId} ${request.method} ${loggablePath(request.url.replace(/^https?:\/\/[^/]+/, ""))}: ${message.split("\n")[0]} ${frame}`.trim());
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  const userAgent = request.headers.get("user-agent");
  const readyEvent = userAgent && isbot(userAgent) ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(`[error] render ${loggablePath(new URL(request.url).pathname)}: ${error instanceof Error ? error.message : String(error)}`);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}
