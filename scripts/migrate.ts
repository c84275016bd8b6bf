import { config } from "../app/services/config.server";
import { openDatabase, migrateToLatest } from "../app/services/db.server";

const db = openDatabase(config().databaseFile);
await migrateToLatest(db);
console.log(`Database ${config().databaseFile} is up to date.`);
await db.destroy();
