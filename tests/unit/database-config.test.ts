// Which database DATABASE_URL names, and what the app refuses before it opens one.
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "~/services/config.server";
import { describeDatabase, isPostgresUrl } from "~/services/db.server";

const SECRET = "a-session-secret-that-is-long-enough-0123456789";
const env = (extra: Record<string, string>) => ({ NODE_ENV: "test", DATA_DIR: "/tmp/inwonersfonds-config-test", ...extra }) as NodeJS.ProcessEnv;

describe("DATABASE_URL", () => {
  it("names a SQLite file with file: or a plain path", () => {
    expect(readConfig(env({ DATABASE_URL: "file:data/x.sqlite", SESSION_SECRET: SECRET })).database).toBe("data/x.sqlite");
    expect(readConfig(env({ DATABASE_URL: "/srv/fonds.sqlite", SESSION_SECRET: SECRET })).database).toBe("/srv/fonds.sqlite");
  });

  it("passes a PostgreSQL URL on as it is", () => {
    for (const url of ["postgres://fonds:geheim@db.internal:5432/fonds", "postgresql://fonds@127.0.0.1/fonds?sslmode=require"]) {
      expect(readConfig(env({ DATABASE_URL: url, SESSION_SECRET: SECRET })).database).toBe(url);
    }
  });

  it("refuses PostgreSQL without a shared SESSION_SECRET: servers would sign each other's visitors out", () => {
    expect(() => readConfig(env({ DATABASE_URL: "postgres://fonds@db/fonds" }))).toThrow(ConfigError);
    expect(() => readConfig(env({ DATABASE_URL: "postgres://fonds@db/fonds" }))).toThrow(/SESSION_SECRET is required with PostgreSQL/);
  });

  it("keeps a password out of what is logged", () => {
    expect(describeDatabase("postgres://fonds:geheim@db.internal:5432/fonds")).toBe("postgres://fonds:***@db.internal:5432/fonds");
    expect(describeDatabase("postgres://fonds@db.internal/fonds")).toBe("postgres://fonds@db.internal/fonds");
    expect(describeDatabase("data/x.sqlite")).toBe("data/x.sqlite");
  });

  it("tells a PostgreSQL URL from a file whose name starts alike", () => {
    expect(isPostgresUrl("postgres://x/y")).toBe(true);
    expect(isPostgresUrl("postgresql://x/y")).toBe(true);
    expect(isPostgresUrl("postgres.sqlite")).toBe(false);
    expect(isPostgresUrl("file:postgres://x")).toBe(false);
  });
});
