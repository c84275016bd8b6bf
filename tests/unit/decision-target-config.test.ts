// DECISION_TARGET_WORKING_DAYS: the working days the bureau has to answer, which the queue marks
// late after (decision 010, 132). A bad value stops the start with one clear line.
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "~/services/config.server";

const env = (extra: Record<string, string>) =>
  ({
    NODE_ENV: "test",
    DATA_DIR: "/tmp/inwonersfonds-config-test",
    SESSION_SECRET: "a-session-secret-that-is-long-enough-0123456789",
    ...extra,
  }) as NodeJS.ProcessEnv;

describe("DECISION_TARGET_WORKING_DAYS", () => {
  it("is 5 working days unless set", () => {
    expect(readConfig(env({})).decisionTargetWorkingDays).toBe(5);
    expect(readConfig(env({ DECISION_TARGET_WORKING_DAYS: "10" })).decisionTargetWorkingDays).toBe(10);
    expect(readConfig(env({ DECISION_TARGET_WORKING_DAYS: "1" })).decisionTargetWorkingDays).toBe(1);
  });

  it.each(["0", "-3", "2.5", "vijf", "61"])("refuses %s at start", (value) => {
    expect(() => readConfig(env({ DECISION_TARGET_WORKING_DAYS: value }))).toThrow(ConfigError);
    expect(() => readConfig(env({ DECISION_TARGET_WORKING_DAYS: value }))).toThrow(/DECISION_TARGET_WORKING_DAYS/);
  });
});
