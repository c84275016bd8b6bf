// Prepares the database before the server starts: migrations always, demo data on an empty database.
import { config } from "../app/services/config.server";
import { describeDatabase, openDatabase, migrateToLatest } from "../app/services/db.server";
import { isEmpty, seedDemo } from "../db/seed";

const db = openDatabase(config().database);
await migrateToLatest(db);
if (process.argv.includes("--seed-if-empty") && (await isEmpty(db))) {
  await seedDemo(db, config());
  console.log(`Demo data written to ${describeDatabase(config().database)}`);
}
await db.destroy();
