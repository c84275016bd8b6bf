// Configuration is read once from the environment and validated, so a bad value fails at start
// with one clear line instead of deep inside a request (server.js calls `startupConfig` first).
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";
import { parseTrustProxy, type TrustProxy } from "./trust-proxy.server";
import { isPostgresUrl } from "../../db/engine";
import { DEFAULT_SPLIT_RULE, parseSplitRule, type RuleLine } from "../domain/split";

const EnvSchema = z.object({
  NODE_ENV: z.string().default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().default("file:data/inwonersfonds.sqlite"),
  // PostgreSQL: connections per app server (several servers share the database's max_connections).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().optional(),
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//i.test(v), "use smtp://… (with STARTTLS) or smtps://…")
    .optional(),
  // Plain-text SMTP to a server that is not on this machine: only when said out loud.
  SMTP_ALLOW_INSECURE: z.enum(["true", "false"]).default("false"),
  MAIL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  BUREAU_EMAIL: z.string().email().optional(),
  MAIL_FROM: z.string().default("Inwonersfonds Roosendaal <inwonersfonds@example.org>"),
  PUBLIC_URL: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//.test(v), "must start with http:// or https://")
    .optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  FUND_MAX_AMOUNT_EUROS: z.coerce.number().int().positive().default(5000),
  // An approval above this amount needs a second reviewer (four eyes).
  FUND_FOUR_EYES_THRESHOLD_EUROS: z.coerce.number().int().min(0).default(2500),
  // The bureau answers within this many working days of the (latest) submission (decision 010).
  DECISION_TARGET_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  // How an approved amount is split over the funders' pots by default, in basis points per funder
  // kind or pot id (decision 144): "rijk:8000,partner:2000" = 80 % Rijk, 20 % partner.
  FUND_SPLIT_RULE: z
    .string()
    .default(DEFAULT_SPLIT_RULE)
    .transform((v, ctx) => {
      const rule = parseSplitRule(v);
      if (rule === null) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'write it as "rijk:8000,partner:2000" (basis points, together at most 10000)' });
      return rule ?? [];
    }),
  // The share of the SPUK line (shared with the area ambassadors) the fund may use (decision 144).
  SPUK_FUND_SHARE_PERCENT: z.coerce.number().int().min(0).max(100).default(50),
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  TRUST_PROXY: z.string().optional(),
  STATUS_LINK_MONTHS_AFTER_CLOSE: z.coerce.number().int().min(1).max(120).default(12),
});

export type Config = {
  nodeEnv: string;
  port: number;
  /** A SQLite file path (or ":memory:") or a postgres:// URL (services/db.server.ts). */
  database: string;
  databasePoolSize: number;
  dataDir: string;
  smtpUrl: string | undefined;
  smtpAllowInsecure: boolean;
  /** Delivered mails are deleted after this many days (their content is cleared at once). */
  mailRetentionDays: number;
  mailFrom: string;
  bureauEmail: string | undefined;
  publicUrl: string;
  sessionSecret: string;
  fundMaxCents: number;
  /** An approval above this needs a second, different reviewer. */
  fourEyesThresholdCents: number;
  /** The queue marks an application late after this many working days without an answer. */
  decisionTargetWorkingDays: number;
  /** The default split of a grant over the pots (domain/split.ts). */
  fundSplitRule: readonly RuleLine[];
  /** The part of the SPUK budget line that is the fund's (the rest is the area ambassadors'). */
  spukFundSharePercent: number;
  secureCookies: boolean;
  trustProxy: TrustProxy;
  /** How long a status link keeps working after its application was closed. */
  statusLinkMonthsAfterClose: number;
};

export class ConfigError extends Error {}

/** A SQLite file path from `file:path`, or the postgres:// URL as it is. */
function databaseFrom(url: string): string {
  return isPostgresUrl(url) ? url : url.replace(/^file:/, "");
}

// The session secret is generated once and kept beside the data, so `npm start` needs no set-up.
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString("hex");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(`Configuration error in ${String(first?.path.join("."))}: ${first?.message}`);
  }
  const e = parsed.data;
  const database = databaseFrom(e.DATABASE_URL);
  const onPostgres = isPostgresUrl(database);
  // Several app servers share one PostgreSQL database: they must sign cookies with one secret, so a
  // secret made up by each server in its own folder would sign everybody out on the next request.
  if (onPostgres && !e.SESSION_SECRET) {
    throw new ConfigError("SESSION_SECRET is required with PostgreSQL: every app server must sign sessions with the same secret (at least 32 characters).");
  }
  const dataDir = e.DATA_DIR ?? (onPostgres || database === ":memory:" ? "data" : path.dirname(database));
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if (!trustProxy.ok) throw new ConfigError(`Configuration error in TRUST_PROXY: ${trustProxy.message}`);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    database,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir,
    smtpUrl: e.SMTP_URL,
    smtpAllowInsecure: e.SMTP_ALLOW_INSECURE === "true",
    mailRetentionDays: e.MAIL_RETENTION_DAYS,
    mailFrom: e.MAIL_FROM,
    bureauEmail: e.BUREAU_EMAIL,
    publicUrl,
    sessionSecret: e.SESSION_SECRET ?? loadOrCreateSecret(dataDir),
    fundMaxCents: e.FUND_MAX_AMOUNT_EUROS * 100,
    fourEyesThresholdCents: e.FUND_FOUR_EYES_THRESHOLD_EUROS * 100,
    decisionTargetWorkingDays: e.DECISION_TARGET_WORKING_DAYS,
    fundSplitRule: e.FUND_SPLIT_RULE,
    spukFundSharePercent: e.SPUK_FUND_SHARE_PERCENT,
    secureCookies: e.SECURE_COOKIES ? e.SECURE_COOKIES === "true" : publicUrl.startsWith("https://"),
    trustProxy: trustProxy.value,
    statusLinkMonthsAfterClose: e.STATUS_LINK_MONTHS_AFTER_CLOSE,
  };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= readConfig();
  return cached;
}
