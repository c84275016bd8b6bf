// One of two writers racing for the same application (tests/integration/write-lock.test.ts), in its
// own process, as two server processes would be. Every query's answer is held back a while, so
// both writers have read before either could write unless the lock keeps them apart.
// Usage: tsx tests/support/race-writer.ts <sqlite file or postgres URL> <application id> <user id> <start at, epoch ms> [action as JSON, default {"type":"take"}]
// RACE_DELAY_MS sets the hold-back (150 ms): many writers in a row must stay inside SQLite's busy timeout.
import type { KyselyPlugin } from "kysely";
import { openDatabase } from "~/services/db.server";
import { applyLifecycleAction } from "~/models/lifecycle.server";
import { getUserById } from "~/models/users.server";
import type { LifecycleAction } from "~/domain/lifecycle";

const [file, applicationId, userId, startAt, actionJson] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const action = JSON.parse(actionJson ?? '{"type":"take"}') as LifecycleAction;
const slow: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.RACE_DELAY_MS ?? 150)));
    return args.result;
  },
};
const db = openDatabase(file);
const user = await getUserById(db, userId);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const settings = { fundMaxCents: 500_000, fourEyesThresholdCents: 250_000, publicUrl: "https://fonds.example", bureauEmail: undefined };
try {
  const result = await applyLifecycleAction(db.withPlugin(slow), applicationId, action, user, { settings }, new Date());
  console.log(JSON.stringify(result));
} catch (error) {
  console.log(JSON.stringify({ error: String(error) }));
}
await db.destroy();
