// Reference numbers: IF-<year>-<number>, counted per year. Taken inside the submission's
// transaction (a `Tx`), so a rolled-back submission gives its number back.
import type { Tx } from "~/services/db.server";

export function formatReference(year: number, n: number): string {
  return `IF-${year}-${String(n).padStart(4, "0")}`;
}

export async function nextReference(trx: Tx, year: number): Promise<string> {
  const row = await trx.selectFrom("reference_counters").select("last_number").where("year", "=", year).executeTakeFirst();
  const n = (row?.last_number ?? 0) + 1;
  if (row) await trx.updateTable("reference_counters").set({ last_number: n }).where("year", "=", year).execute();
  else await trx.insertInto("reference_counters").values({ year, last_number: n }).execute();
  return formatReference(year, n);
}
