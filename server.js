// The production server: Express in front of the Remix build. Before it listens it validates the
// configuration and opens the database (one clear line and exit 1 when that fails). Every response
// carries the security headers; form posts from other sites or naming another host are refused
// before Remix sees them; the client's IP address comes from the socket, or from X-Forwarded-For
// only through the proxies TRUST_PROXY names.
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import { createRequestHandler } from "@remix-run/express";

const root = path.dirname(fileURLToPath(import.meta.url));
const build = await import(path.join(root, "build/index.js"));
const entry = build.entry.module;

let settings;
try {
  settings = await entry.startup();
} catch (error) {
  console.error(`Inwonersfonds cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  ...(settings.hsts ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
};

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", settings.trustProxy);

app.use((req, res, next) => {
  res.locals.traceId = crypto.randomBytes(4).toString("hex");
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  // A Content Security Policy with a fresh nonce per page: only our own scripts run, even if
  // someone manages to get markup into a page.
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${res.locals.cspNonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
  );
  // Defaults for every response (static files, redirects, errors too); a page may set its own
  // (the status page sends Referrer-Policy: no-referrer), so they are filled in just before sending.
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!res.hasHeader(name)) res.setHeader(name, value);
    return writeHead.apply(this, args);
  };
  next();
});

app.use((req, res, next) => {
  const refusal = entry.guardRequest(req.method, {
    host: req.get("host"),
    forwardedHost: req.get("x-forwarded-host"),
    origin: req.get("origin"),
    fetchSite: req.get("sec-fetch-site"),
  });
  if (!refusal) return next();
  console.log(`[refused] ${res.locals.traceId} ${refusal.status} ${refusal.reason} ${req.method} ${entry.loggablePath(req.originalUrl)}`);
  res.status(refusal.status).type("html").setHeader("Cache-Control", "no-store");
  res.send(refusal.html);
});

app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({
    build,
    getLoadContext: (req, res) => ({ clientIp: req.ip ?? "unknown", cspNonce: res.locals.cspNonce, traceId: res.locals.traceId }),
  }),
);

// Last resort: an error outside Remix's own handling (a malformed request, say) is one log line
// and a calm page with the trace id, never a stack trace.
app.use((error, req, res, _next) => {
  const status = Number.isInteger(error?.status) && error.status >= 400 && error.status < 500 ? error.status : 500;
  const line = `${res.locals.traceId} ${req.method} ${entry.loggablePath(req.originalUrl)}: ${error instanceof Error ? error.message : String(error)}`;
  if (status >= 500) console.error(`[error] ${line}`);
  else console.log(`[refused] ${status} ${line}`);
  if (res.headersSent) return res.end();
  res.status(status).type("html").setHeader("Cache-Control", "no-store");
  res.send(entry.errorPage(res.locals.traceId));
});

const server = app.listen(settings.port, () => console.log(`Inwonersfonds listening on http://localhost:${settings.port}`));

// On stop, finish the requests in flight first, so no resident's submission is cut off halfway.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
