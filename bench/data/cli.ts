// npm run bench:data -- --applications 100000 [--seed N] [--database <sqlite file or postgres URL>]
//   [--until 2026-12-01] [--years 5]
// Migrates the database, refuses one that already holds data, and fills it deterministically.
import { performance } from "node:perf_hooks";
import { describeDatabase, migrateToLatest, openDatabase } from "../../app/services/db.server";
import { parseOptions } from "./options";
import { generate } from "./generate";

const fallback = process.env.DATABASE_URL ?? "file:data/inwonersfonds.sqlite";
let options;
try {
  options = parseOptions(process.argv.slice(2), fallback);
} catch (error) {
  console.error(`bench:data: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const started = performance.now();
const db = openDatabase(options.database);
try {
  await migrateToLatest(db);
  console.log(`Generating ${options.applications} applications (seed ${options.seed}, ${options.years} years until ${options.until.toISOString().slice(0, 10)}) into ${describeDatabase(options.database)}`);
  await generate(db, options, (line) => console.log(line));
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`bench:data: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
