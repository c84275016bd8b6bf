// Unexpected server errors become one log line without form values; a visitor's 404 or a
// request the browser gave up on is not logged at all.
import { describe, expect, it } from "vitest";
import { serverErrorLine } from "~/services/error-log.server";

const post = (url: string, body = "email=geheim%40example.org&code=123456") =>
  new Request(url, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });

// What Remix hands to handleError for "no route matches" or "no action": a route error response
// (the shape isRouteErrorResponse checks) wrapping the internal error.
const routeErrorResponse = (status: number, message: string) => ({ status, statusText: "x", internal: true, data: message, error: new Error(message) });

describe("serverErrorLine", () => {
  it("is one line with method, path and message", () => {
    const error = new Error("database is locked\n    at Statement.run (node_modules/better-sqlite3/lib/x.js:1:1)");
    expect(serverErrorLine(error, { request: post("http://x/aanvragen/nieuw?concept=abc") })).toBe(
      "[error] POST /aanvragen/nieuw: database is locked at Statement.run (node_modules/better-sqlite3/lib/x.js:1:1)",
    );
  });

  it("never carries the query string, the body or a route parameter such as a token", () => {
    const request = post("http://x/status/SECRET%40TOKEN?email=geheim%40example.org");
    const line = serverErrorLine(new TypeError("boom"), { request, params: { token: "SECRET@TOKEN" } });
    expect(line).toBe("[error] POST /status/:token: TypeError: boom");
    expect(line).not.toMatch(/SECRET|geheim|123456/);
  });

  it("says nothing for a visitor's 404 or 405, and nothing for an aborted request", () => {
    expect(serverErrorLine(routeErrorResponse(404, 'No route matches URL "/bestaat-niet"'), { request: new Request("http://x/bestaat-niet") })).toBeNull();
    expect(serverErrorLine(routeErrorResponse(405, "You made a POST request to / but did not provide an action"), { request: post("http://x/") })).toBeNull();
    const controller = new AbortController();
    controller.abort();
    expect(serverErrorLine(new Error("aborted"), { request: new Request("http://x/", { signal: controller.signal }) })).toBeNull();
  });

  it("logs a route error response of 500 and up with its inner message", () => {
    expect(serverErrorLine(routeErrorResponse(500, "Unexpected Server Error"), { request: new Request("http://x/health") })).toBe(
      "[error] GET /health: Unexpected Server Error",
    );
  });

  it("logs what is thrown even when it is not an Error", () => {
    expect(serverErrorLine("just a string", { request: new Request("http://x/") })).toBe("[error] GET /: just a string");
  });
});
