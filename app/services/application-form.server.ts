// What the application form needs to know about this request: language, reference data,
// the fund's limits, today's date, and whether a neighbourhood worker fills it in for someone.
import { getDb } from "./db.server";
import { getTranslator } from "./locale.server";
import { getUser, actorOf } from "./auth.server";
import { config } from "./config.server";
import { amsterdamDate, now } from "./clock.server";
import { listEligibleAreas, listFactors } from "~/models/reference.server";
import { can } from "~/domain/permissions";
import type { ApplicationFormContext } from "~/forms/application-schema";

export async function applicationFormContext(request: Request) {
  const db = await getDb();
  const [{ locale, t }, user] = await Promise.all([getTranslator(request), getUser(request)]);
  const [areas, factors] = await Promise.all([listEligibleAreas(db), listFactors(db, locale)]);
  const onBehalf = can(actorOf(user), "application.submit_on_behalf").allowed;
  const ctx: ApplicationFormContext = {
    t,
    locale,
    areas: areas.map((a) => ({ id: a.id, name: a.name })),
    factorIds: factors.map((f) => f.id),
    maxCents: config().fundMaxCents,
    today: amsterdamDate(now()),
    onBehalf,
  };
  return { db, user, ctx, areas, factors };
}
