// The money settings: the default split rule and the SPUK share, read once at start; a rule that is
// not of the form "rijk:8000,partner:2000" or adds up to more than 100 % stops the app.
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "~/services/config.server";

const env = (extra: Record<string, string>) =>
  ({
    NODE_ENV: "test",
    DATA_DIR: "/tmp/inwonersfonds-config-test",
    SESSION_SECRET: "a-session-secret-that-is-long-enough-0123456789",
    ...extra,
  }) as NodeJS.ProcessEnv;

describe("FUND_SPLIT_RULE and SPUK_FUND_SHARE_PERCENT", () => {
  it("default to 80 % Rijk and 20 % partner, and half of the SPUK line", () => {
    const config = readConfig(env({}));
    expect(config.fundSplitRule).toEqual([
      { funderKind: "rijk", shareBasisPoints: 8000 },
      { funderKind: "partner", shareBasisPoints: 2000 },
    ]);
    expect(config.spukFundSharePercent).toBe(50);
  });

  it("read another rule and share", () => {
    const config = readConfig(env({ FUND_SPLIT_RULE: "gemeente:5000,spuk-2027:5000", SPUK_FUND_SHARE_PERCENT: "100" }));
    expect(config.fundSplitRule).toEqual([
      { funderKind: "gemeente", shareBasisPoints: 5000 },
      { potId: "spuk-2027", shareBasisPoints: 5000 },
    ]);
    expect(config.spukFundSharePercent).toBe(100);
  });

  it("stop the app with one clear line on a bad rule or share", () => {
    expect(() => readConfig(env({ FUND_SPLIT_RULE: "rijk:80%" }))).toThrow(ConfigError);
    expect(() => readConfig(env({ FUND_SPLIT_RULE: "rijk:8000,partner:3000" }))).toThrow(/FUND_SPLIT_RULE: write it as "rijk:8000,partner:2000"/);
    expect(() => readConfig(env({ SPUK_FUND_SHARE_PERCENT: "101" }))).toThrow(/SPUK_FUND_SHARE_PERCENT/);
  });
});
