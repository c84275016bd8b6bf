// Server entry: streams the page and logs unexpected errors as one line with a trace id. It also
// hands server.js what it needs before listening (startup.server.ts starts the outbox sender).
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { logServerError } from "~/services/error-log.server";

export { startup, guardRequest, errorPage } from "~/services/startup.server";
export { loggablePath } from "~/services/error-log.server";

export const streamTimeout = 5000;

/** Remix calls this for errors in loaders, actions and rendering: one line each with the trace id, no 404s. */
export const handleError: HandleErrorFunction = (error, { request, params, context }) =>
  logServerError(error, { request, params, traceId: typeof context.traceId === "string" ? context.traceId : undefined });

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
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />, {
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
        if (shellRendered) logServerError(error, { request, traceId: typeof loadContext.traceId === "string" ? loadContext.traceId : undefined });
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}
