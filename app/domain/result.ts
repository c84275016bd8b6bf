// Errors are values in app/domain: a rule that says "no" returns a refusal with a reason
// code (a catalogue key suffix, e.g. "negative" → "money.refusal.negative") and the data the
// message needs (e.g. { maxCents }). Nothing in the domain throws for a user's mistake.
// Source: architecture.md ("domain/ is the heart … errors are values").

/** No extra fields: the default for a refusal's data and a yes's payload. */
type NoFields = Record<never, never>;

/** A "no" with a machine-readable reason and the data its message interpolates. */
export type Refusal<Reason extends string = string, Data extends object = NoFields> = {
  readonly ok: false;
  readonly reason: Reason;
} & Data;

/** A "yes" carrying its payload fields next to `ok: true`. */
export type Ok<Payload extends object = NoFields> = { readonly ok: true } & Payload;

export type Result<Payload extends object, Reason extends string = string, Data extends object = NoFields> = Ok<Payload> | Refusal<Reason, Data>;

export function ok<Payload extends object>(payload: Payload): Ok<Payload> {
  return { ok: true, ...payload };
}

export function refuse<Reason extends string, Data extends object = NoFields>(reason: Reason, data?: Data): Refusal<Reason, Data> {
  return { ...(data as Data), ok: false, reason };
}
