import { config } from "../app/services/config.server";
import { openDatabase, migrateToLatest } from "../app/services/db.server";
import { isEmpty, seedDemo, seedReferenceData } from "../db/seed";

const db = openDatabase(config().database);
await migrateToLatest(db);
if (await isEmpty(db)) {
  await seedDemo(db, config());
  console.log("Demo data written.");
} else {
  await seedReferenceData(db);
  console.log("The database already holds data: only missing reference data was added.");
}
await db.destroy();
