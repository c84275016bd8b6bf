// What to generate: read from the command line (`npm run bench:data -- --applications 100000
// --seed 7 --database file.sqlite`). The window ends on a fixed day unless told otherwise, so the
// same seed gives the same rows whatever day it is run.
import type { FundSettings } from "../../app/models/lifecycle-context.server";

export type GenerationOptions = {
  applications: number;
  seed: number;
  /** A SQLite file path, ":memory:" or a postgres:// URL (as openDatabase takes it). */
  database: string;
  /** The last moment of the generated history (the "now" of the data set). */
  until: Date;
  years: number;
  /** As the app would be configured: a bureau inbox gets the bureau's mails. */
  settings: FundSettings;
  /** Delivered mail older than this is gone (the app's MAIL_RETENTION_DAYS). */
  mailRetentionDays: number;
};

export const DEFAULT_UNTIL = "2026-12-01T12:00:00Z";

export const DEFAULT_SETTINGS: FundSettings = {
  fundMaxCents: 500_000,
  fourEyesThresholdCents: 250_000,
  publicUrl: "http://localhost:3000",
  bureauEmail: "bureau@example.org",
};

export function parseOptions(argv: readonly string[], fallbackDatabase: string): GenerationOptions {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i === -1) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new Error(`--${name} needs a value`);
    return v;
  };
  const whole = (name: string, fallback: number, min: number): number => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}`);
    return n;
  };
  const until = new Date(value("until") ?? DEFAULT_UNTIL);
  if (Number.isNaN(until.getTime())) throw new Error("--until must be a date (YYYY-MM-DD or an ISO time)");
  return {
    applications: whole("applications", 100_000, 1),
    seed: whole("seed", 1, 0),
    database: value("database") ?? fallbackDatabase,
    until,
    years: whole("years", 5, 1),
    settings: DEFAULT_SETTINGS,
    mailRetentionDays: 30,
  };
}
