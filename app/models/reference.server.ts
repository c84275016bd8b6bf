// Reference data: the wijken and buurten of the focus area, and the protective factors.
import type { DB } from "~/services/db.server";
import type { Locale } from "~/i18n/translate";

export type Area = { id: string; name: string; kind: "wijk" | "buurt"; inFocus: boolean };
export type Factor = { id: string; name: string; explanation: string };

export async function listAreas(db: DB): Promise<Area[]> {
  const rows = await db.selectFrom("areas").selectAll().orderBy("sort_order").orderBy("name").execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, inFocus: r.in_focus === 1 }));
}

/** The areas where residents may apply: the focus area of the programme. */
export async function listEligibleAreas(db: DB): Promise<Area[]> {
  return (await listAreas(db)).filter((a) => a.inFocus);
}

export async function listFactors(db: DB, locale: Locale): Promise<Factor[]> {
  const rows = await db.selectFrom("factors").selectAll().where("active", "=", 1).orderBy("sort_order").execute();
  return rows.map((r) => ({
    id: r.id,
    name: locale === "en" ? r.name_en : r.name_nl,
    explanation: locale === "en" ? r.explanation_en : r.explanation_nl,
  }));
}
