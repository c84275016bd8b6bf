// The fund's money as the documents give it (../shared/domain.md §1; decision 143), through the
// pot model and the one ledger write path, as the pot screens will do it:
// - Rijk, SPUK Kansrijke Wijk 2026–2028: €14.250 / €28.500 / €28.500 (001:3763-3771). That line
//   is shared with the area ambassadors, so only SPUK_FUND_SHARE_PERCENT of it goes into the pots.
// - Gemeente Roosendaal: its own contribution is staff time in working groups (001:3792), a
//   contribution in kind that is counted but never spendable; the documents give no amount.
// - Two partners, made up for the demo (marked invented), so the default split 80/20 and an
//   earmark ("alleen voor Kalsdonk") can be seen.
import type { DB } from "../app/services/db.server";
import type { AuditActor } from "../app/models/audit.server";
import { allocateToPot, createFunder, createPot, extendPotEnd, registerInKind } from "../app/models/pots.server";
import { shareOfCents } from "../app/domain/money";

const SEED: AuditActor = { userId: null, label: "seed" };
export const DEFAULT_SPUK_FUND_SHARE_PERCENT = 50;

/** The SPUK line per year in cents, before the fund's share is taken (001:3763-3771). */
export const SPUK_LINE = [
  { year: 2026, cents: 1_425_000 },
  { year: 2027, cents: 2_850_000 },
  { year: 2028, cents: 2_850_000 },
] as const;

export async function seedFunding(db: DB, options: { spukFundSharePercent?: number; now: Date }): Promise<void> {
  const { now } = options;
  const share = options.spukFundSharePercent ?? DEFAULT_SPUK_FUND_SHARE_PERCENT;
  const pot = async (input: Parameters<typeof createPot>[1], cents: number) => {
    const created = await createPot(db, input, SEED, now);
    if (!created.ok) throw new Error(`Seed pot ${input.name} refused: ${created.reason}`);
    if (cents <= 0) return;
    const operation = { operationId: `seed:budget:${created.id}`, potId: created.id, cents, date: input.periodStart, reason: "Begroting uit de aanvraag" };
    const allocated = await allocateToPot(db, operation, SEED, now);
    if (!allocated.ok) throw new Error(`Seed allocation to ${input.name} refused: ${allocated.reason}`);
  };

  const rijk = await createFunder(db, { id: "rijk-spuk", name: "Rijk – SPUK Kansrijke Wijk", kind: "rijk" }, SEED, now);
  for (const { year, cents } of SPUK_LINE) {
    await pot(
      { id: `spuk-${year}`, funderId: rijk, name: `SPUK Kansrijke Wijk ${year}`, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` },
      shareOfCents(cents, share * 100),
    );
  }

  const gemeente = await createFunder(db, { id: "gemeente-roosendaal", name: "Gemeente Roosendaal", kind: "gemeente" }, SEED, now);
  const inKind = await registerInKind(
    db,
    {
      funderId: gemeente,
      periodStart: "2026-01-01",
      periodEnd: "2028-12-31",
      description: "Eigen bijdrage: inzet van eigen personeel in werkgroepen (bedrag niet genoemd in de aanvraag)",
      valueCents: 0,
    },
    SEED,
    now,
  );
  if (!inKind.ok) throw new Error(`Seed contribution in kind refused: ${inKind.reason}`);

  // Invented: no real partner has promised money. De Buurt's 2026 pot pays only in Kalsdonk and was
  // first for half a year, then extended (a recorded uitstelverzoek); Samen Roosendaal pays anywhere.
  const buurt = await createFunder(db, { id: "demo-partner", name: "Woonstichting De Buurt (verzonnen)", kind: "partner", invented: true }, SEED, now);
  const kalsdonk = { id: "partner-2026", funderId: buurt, name: "Buurtbudget De Buurt 2026", earmarks: { areaIds: ["kalsdonk"] }, invented: true };
  await pot({ ...kalsdonk, periodStart: "2026-01-01", periodEnd: "2026-06-30" }, 300_000);
  const extended = await extendPotEnd(
    db,
    { potId: "partner-2026", newEnd: "2026-12-31", reason: "Uitstelverzoek toegekend: het geld mag tot het eind van het jaar worden besteed." },
    SEED,
    now,
  );
  if (!extended.ok) throw new Error(`Seed extension refused: ${extended.reason}`);
  await pot(
    { id: "partner-2027", funderId: buurt, name: "Buurtbudget De Buurt 2027", periodStart: "2027-01-01", periodEnd: "2027-12-31", invented: true },
    500_000,
  );
  const samen = await createFunder(db, { id: "demo-partner-2", name: "Fonds Samen Roosendaal (verzonnen)", kind: "partner", invented: true }, SEED, now);
  await pot(
    { id: "samen-2026", funderId: samen, name: "Samen Roosendaal 2026", periodStart: "2026-01-01", periodEnd: "2026-12-31", priority: 1, invented: true },
    400_000,
  );
}
