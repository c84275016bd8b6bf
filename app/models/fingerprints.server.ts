// A double click or the back button sends the same application again: it is recognised by the
// form's one-time key, or by the same content (who, what, where, when, how much) within a day.
import type { DB } from "~/services/db.server";
import type { ApplicationInput } from "~/forms/application-schema";
import { hashToken } from "~/services/tokens.server";

/** The same application sent again within this time is a repeat, not a new one. */
export const REPEAT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** What makes two sendings "the same application": who, what, where, when and how much. */
export function contentFingerprint(input: ApplicationInput): string {
  const who = (input.email ?? input.phone ?? "").trim().toLowerCase();
  const fields = [
    who,
    input.name.trim().toLowerCase(),
    input.areaId,
    input.title.trim(),
    input.description.trim(),
    input.activityDate,
    input.requestedCents,
    [...input.factorIds].sort().join(","),
    // The optional questions (migration 0011) count only when answered, so an earlier fingerprint stays the same.
    ...(input.helpWanted?.length || input.foundVia ? [[...(input.helpWanted ?? [])].sort().join(","), input.foundVia ?? "", input.foundViaOther ?? ""] : []),
  ];
  return hashToken(JSON.stringify(fields));
}

/** The reference of the application this sending repeats, or null when it is new. */
export async function findRepeat(db: DB, input: ApplicationInput, now: Date): Promise<string | null> {
  const since = new Date(now.getTime() - REPEAT_WINDOW_MS).toISOString();
  const existing = await db
    .selectFrom("applications")
    .select("reference")
    .where((eb) =>
      eb.or([eb("submission_key", "=", input.submissionKey), eb.and([eb("content_hash", "=", contentFingerprint(input)), eb("submitted_at", ">", since)])]),
    )
    .executeTakeFirst();
  return existing?.reference ?? null;
}
