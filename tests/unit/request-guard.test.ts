import { describe, expect, it } from "vitest";
import { checkRequest } from "~/services/request-guard.server";

const PUBLIC = "https://fonds.example";
const LOCAL = "http://localhost:3000";

describe("checkRequest", () => {
  it("lets every GET through, whatever its headers", () => {
    expect(checkRequest("GET", { host: "evil.example", origin: "https://evil.example" }, PUBLIC)).toBeNull();
    expect(checkRequest("HEAD", { host: "evil.example" }, PUBLIC)).toBeNull();
  });

  it("accepts a post from our own pages", () => {
    expect(checkRequest("POST", { host: "fonds.example", origin: "https://fonds.example" }, PUBLIC)).toBeNull();
    expect(checkRequest("POST", { host: "fonds.example", fetchSite: "same-origin" }, PUBLIC)).toBeNull();
    expect(checkRequest("POST", { host: "fonds.example" }, PUBLIC)).toBeNull();
    expect(checkRequest("POST", { host: "internal:3000", forwardedHost: "fonds.example", origin: "https://fonds.example" }, PUBLIC)).toBeNull();
  });

  it.each([
    [{ host: "evil.example", origin: "https://evil.example" }],
    [{ host: "fonds.example", forwardedHost: "evil.example", origin: "https://fonds.example" }],
    [{ host: "fonds.example", forwardedHost: "evil.example, fonds.example", origin: "https://evil.example" }],
    [{ origin: "https://fonds.example" }],
  ])("refuses a foreign host with 400: %j", (headers) => {
    expect(checkRequest("POST", headers, PUBLIC)).toEqual({ status: 400, reason: "host" });
  });

  it.each([
    [{ host: "fonds.example", origin: "https://evil.example" }],
    [{ host: "fonds.example", origin: "http://fonds.example" }],
    [{ host: "fonds.example", origin: "null" }],
    [{ host: "fonds.example", origin: "https://fonds.example.evil.example" }],
    [{ host: "fonds.example", origin: "https://fonds.example/path" }],
    [{ host: "fonds.example", fetchSite: "cross-site" }],
    [{ host: "fonds.example", fetchSite: "same-site" }],
  ])("refuses another origin with 403: %j", (headers) => {
    expect(checkRequest("POST", headers, PUBLIC)).toEqual({ status: 403, reason: "origin" });
  });

  it("on loopback accepts every loopback name on the same port, nothing else", () => {
    expect(checkRequest("POST", { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }, LOCAL)).toBeNull();
    expect(checkRequest("POST", { host: "localhost:3000", origin: "http://localhost:3000" }, LOCAL)).toBeNull();
    expect(checkRequest("POST", { host: "localhost:3001", origin: "http://localhost:3001" }, LOCAL)).toEqual({ status: 400, reason: "host" });
    expect(checkRequest("DELETE", { host: "localhost:3000", origin: "http://evil.example" }, LOCAL)).toEqual({ status: 403, reason: "origin" });
  });
});
