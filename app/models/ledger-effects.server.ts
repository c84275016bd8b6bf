// The seam between a lifecycle step and the money (decision 130). A step's ledger effects (an
// approval commits the granted amount, a cancellation releases what is left, a payment disburses)
// are handed to ONE handler, inside the step's transaction and under its write lock, after the
// status is stored and before the audit row and mails. Until pots and the ledger exist (the next
// issue) the handler records nothing: there are no pots to reserve in, and a made-up money row
// would be a second truth to unpick later. The next issue replaces `recordLedgerEffects` with the
// real one (lock the pot rows too, check with domain/ledger, write the entries); the call site and
// the transaction stay as they are.
import type { Tx } from "~/services/db.server";
import type { Effect } from "~/domain/lifecycle";

export type LedgerEffect = Extract<Effect, { type: "ledger" }>;

/** What the handler knows of the step it belongs to. */
export type LedgerStep = { applicationId: string; reference: string; at: string; actorUserId: string | null };

export type LedgerEffectsHandler = (trx: Tx, effects: readonly LedgerEffect[], step: LedgerStep) => Promise<void>;

/** Today's handler: the effects are known and passed here, and nothing is booked yet (no pots exist). */
export const recordLedgerEffects: LedgerEffectsHandler = async () => {
  // Intentionally empty until the ledger issue: see the comment at the top and decision 130.
};
