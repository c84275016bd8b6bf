// Reference numbers: IF-<year>-<number>, counted per year. Taken inside the submission's
// transaction (a `Tx`), so a rolled-back submission gives its number back.
import type { Tx } from "~/services/db.server";

export function formatReference(year: number, n: number): string {
  return `IF-${year}-${String(n).padStart(4, "0")}`;
}

export async function nextReference(trx: Tx, year: number): Promise<string> {
  // One statement that both engines run atomically: the counter's row lock orders concurrent submitters.
  const { last_number } = await trx
    .insertInto("reference_counters")
    .values({ year, last_number: 1 })
    .onConflict((oc) => oc.column("year").doUpdateSet((eb) => ({ last_number: eb("reference_counters.last_number", "+", 1) })))
    .returning("last_number")
    .executeTakeFirstOrThrow();
  return formatReference(year, last_number);
}
