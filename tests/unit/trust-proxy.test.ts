import { describe, expect, it } from "vitest";
import { parseTrustProxy } from "~/services/trust-proxy.server";
import { readConfig } from "~/services/config.server";

describe("TRUST_PROXY", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["false", false],
    ["1", 1],
    ["2", 2],
    ["10.0.0.1", ["10.0.0.1"]],
    ["10.0.0.0/8, 192.168.1.2", ["10.0.0.0/8", "192.168.1.2"]],
    ["loopback", ["loopback"]],
    ["::1,fd00::/8", ["::1", "fd00::/8"]],
  ])("accepts %j", (raw, value) => {
    expect(parseTrustProxy(raw)).toEqual({ ok: true, value });
  });

  it.each(["true", "yes", "11", "10.0.0.1/33", "300.1.1.1", "10.0.0.1/8/2", "proxy.example", "1.5"])("refuses %j", (raw) => {
    expect(parseTrustProxy(raw).ok).toBe(false);
  });

  it("a configuration with TRUST_PROXY=true does not start, with one clear line", () => {
    expect(() => readConfig({ NODE_ENV: "test", TRUST_PROXY: "true", SESSION_SECRET: "x".repeat(32) })).toThrow(/TRUST_PROXY.*any client choose its own IP/);
  });
});
