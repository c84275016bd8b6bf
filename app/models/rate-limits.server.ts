// Rate limits in the database, so every app process (and PostgreSQL later) sees the same counts.
// The budgets themselves (how many, over which windows) live in domain/rate-limit.ts.
// Call these inside the transaction of the thing being limited: `reserve` writes the key's row
// first, which makes concurrent requests for one key wait for each other (SQLite's write lock;
// PostgreSQL's row lock of ON CONFLICT DO UPDATE), so a budget cannot be overrun by a burst.
import type { DB, Tx } from "~/services/db.server";
import { BUDGETS, budgetVerdict, longestWindowMs, type Bucket } from "~/domain/rate-limit";
import { hashToken, newId } from "~/services/tokens.server";

export type LimitCheck = { ok: true } | { ok: false; retryAt: Date };

const keyHash = (bucket: Bucket, key: string) => hashToken(`${bucket}\u0000${key}`);

async function reserve(trx: Tx, bucket: Bucket, hash: string, at: string): Promise<void> {
  await trx
    .insertInto("rate_limit_keys")
    .values({ bucket, key_hash: hash, touched_at: at })
    .onConflict((oc) => oc.columns(["bucket", "key_hash"]).doUpdateSet({ touched_at: at }))
    .execute();
}

/** Would one more event for this key fit in its budget now? Counts nothing, writes nothing (for pages). */
export async function peekLimit(db: DB, bucket: Bucket, key: string, now: Date): Promise<LimitCheck> {
  return verdict(db, bucket, keyHash(bucket, key), now);
}

/** As peekLimit, inside the caller's transaction, holding the key until it commits. */
export async function checkLimit(trx: Tx, bucket: Bucket, key: string, now: Date): Promise<LimitCheck> {
  const hash = keyHash(bucket, key);
  await reserve(trx, bucket, hash, now.toISOString());
  return verdict(trx, bucket, hash, now);
}

async function verdict(db: DB, bucket: Bucket, hash: string, now: Date): Promise<LimitCheck> {
  const windows = BUDGETS[bucket];
  const since = new Date(now.getTime() - longestWindowMs(windows)).toISOString();
  const rows = await db
    .selectFrom("rate_limit_events")
    .select("at")
    .where("bucket", "=", bucket)
    .where("key_hash", "=", hash)
    .where("at", ">", since)
    .execute();
  const result = budgetVerdict(
    rows.map((r) => Date.parse(r.at)),
    windows,
    now.getTime(),
  );
  return result.allowed ? { ok: true } : { ok: false, retryAt: new Date(result.retryAt) };
}

/** Counts one event for this key (a wrong code, a sent mail, a stored application). */
export async function recordEvent(trx: Tx, bucket: Bucket, key: string, now: Date): Promise<void> {
  await trx
    .insertInto("rate_limit_events")
    .values({ id: newId(), bucket, key_hash: keyHash(bucket, key), at: now.toISOString() })
    .execute();
}

/** Checks several budgets and counts one event in each, but only when all of them have room. */
export async function takeFromLimits(trx: Tx, limits: { bucket: Bucket; key: string }[], now: Date): Promise<LimitCheck> {
  let latest: Date | null = null;
  for (const { bucket, key } of limits) {
    const check = await checkLimit(trx, bucket, key, now);
    if (!check.ok && (!latest || check.retryAt > latest)) latest = check.retryAt;
  }
  if (latest) return { ok: false, retryAt: latest };
  for (const { bucket, key } of limits) await recordEvent(trx, bucket, key, now);
  return { ok: true };
}

/** Events older than every window can never count again. */
export async function purgeRateLimits(db: DB, now: Date): Promise<number> {
  const longest = Math.max(...Object.values(BUDGETS).map(longestWindowMs));
  const before = new Date(now.getTime() - longest).toISOString();
  const events = await db.deleteFrom("rate_limit_events").where("at", "<=", before).executeTakeFirst();
  await db.deleteFrom("rate_limit_keys").where("touched_at", "<=", before).execute();
  return Number(events.numDeletedRows);
}
