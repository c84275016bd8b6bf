import { config } from "../app/services/config.server";
import { describeDatabase, openDatabase, migrateToLatest } from "../app/services/db.server";

const db = openDatabase(config().database);
await migrateToLatest(db);
console.log(`Database ${describeDatabase(config().database)} is up to date.`);
await db.destroy();
