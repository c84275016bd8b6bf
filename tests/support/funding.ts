// Funders and pots for tests, made through the pot model as the seed and the screens make them.
import type { DB } from "~/services/db.server";
import type { AuditActor } from "~/models/audit.server";
import { allocateToPot, createFunder, createPot, type PotInput } from "~/models/pots.server";

export const SYSTEM: AuditActor = { userId: null, label: "test" };
const AT = new Date("2026-01-01T08:00:00Z");

/** A pot with its budget allocated on its first day; returns its id. */
export async function potWith(db: DB, input: Omit<PotInput, "funderId"> & { funderId: string; cents: number }): Promise<string> {
  const pot = await createPot(db, input, SYSTEM, AT);
  if (!pot.ok) throw new Error(`Test pot refused: ${pot.reason}`);
  if (input.cents > 0) {
    const allocated = await allocateToPot(db, { operationId: `budget:${pot.id}`, potId: pot.id, cents: input.cents, date: input.periodStart }, SYSTEM, AT);
    if (!allocated.ok) throw new Error(`Test allocation refused: ${allocated.reason}`);
  }
  return pot.id;
}

/** A Rijk funder and a partner funder, each with one pot over 2026–2028 and the given budgets. */
export async function testFunding(db: DB, cents: { rijk: number; partner: number } = { rijk: 10_000_000, partner: 2_500_000 }) {
  const rijk = await createFunder(db, { id: "test-rijk", name: "Testrijk", kind: "rijk" }, SYSTEM, AT);
  const partner = await createFunder(db, { id: "test-partner", name: "Testpartner", kind: "partner", invented: true }, SYSTEM, AT);
  const period = { periodStart: "2026-01-01", periodEnd: "2028-12-31" };
  return {
    rijk: await potWith(db, { id: "pot-test-rijk", funderId: rijk, name: "Testpot Rijk", ...period, cents: cents.rijk }),
    partner: await potWith(db, { id: "pot-test-partner", funderId: partner, name: "Testpot partner", ...period, cents: cents.partner }),
  };
}
