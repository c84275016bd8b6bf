// The one builder of the lifecycle's context: the fund's settings from configuration, who has a
// conflict of interest from the database, and today's date in Europe/Amsterdam. No model keeps
// its own copy of these numbers.
import type { DB } from "~/services/db.server";
import type { Config } from "~/services/config.server";
import type { LifecycleContext } from "~/domain/lifecycle";
import { amsterdamDate } from "~/domain/workdays";

/** What a step needs from configuration; a route passes `config()`, a test a literal. */
/** The fund's settings a step needs; the money settings fall back to their defaults (config.server.ts). */
export type FundSettings = Pick<Config, "fundMaxCents" | "fourEyesThresholdCents" | "publicUrl" | "bureauEmail"> &
  Partial<Pick<Config, "fundSplitRule" | "spukFundSharePercent">>;

export async function buildLifecycleContext(db: DB, applicationId: string, settings: FundSettings, now: Date): Promise<LifecycleContext> {
  const conflicts = await db.selectFrom("conflicts_of_interest").select("user_id").where("application_id", "=", applicationId).execute();
  return {
    fourEyesThresholdCents: settings.fourEyesThresholdCents,
    maxAmountCents: settings.fundMaxCents,
    conflictsOfInterest: conflicts.map((c) => c.user_id),
    today: amsterdamDate(now),
  };
}
