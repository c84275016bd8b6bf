// npm run db:copy -- --from file:data/inwonersfonds.sqlite --to postgres://user@host/db
// Moves an installation's data between engines (either direction): migrates the target, refuses a
// target that holds data, copies every table in one transaction and prints the checks. Exit 1 on
// any refusal or difference; then nothing was written. Stop the app servers first.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { describeDatabase, isPostgresUrl, migrateToLatest, openDatabase } from "../app/services/db.server";
import { copyDatabase, CopyMismatch, CopyRefused, formatChecks } from "../db/copy";

const USAGE = "usage: npm run db:copy -- --from <file:path.sqlite | postgres://…> --to <file:path.sqlite | postgres://…>";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } }, strict: true });
const from = values.from ?? fail(USAGE);
const to = values.to ?? fail(USAGE);
const sqliteFile = (target: string) => (isPostgresUrl(target) ? null : target.replace(/^file:/, ""));

// Opening a SQLite file that is not there would make an empty one: a typo must not look like an empty source.
const fromFile = sqliteFile(from);
if (fromFile !== null && (fromFile === ":memory:" || !fs.existsSync(fromFile))) fail(`The source ${from} does not exist.`);
if (from === to || (fromFile !== null && fromFile === sqliteFile(to))) fail("The source and the target are the same database.");

const source = openDatabase(from);
const target = openDatabase(to);
try {
  console.log(`Copying ${describeDatabase(from)} → ${describeDatabase(to)}`);
  await migrateToLatest(target);
  const started = Date.now();
  const checks = await copyDatabase(source, target, { onTable: (table, rows) => console.log(`  ${table}: ${rows} rows`) });
  console.log(`\n${formatChecks(checks)}\n\nAll checks agree; committed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  if (error instanceof CopyMismatch) {
    console.error(`\n${formatChecks(error.checks)}\n`);
    console.error(error.message);
  } else if (error instanceof CopyRefused) {
    console.error(`Not copied: ${error.message}`);
  } else {
    console.error(`Not copied: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
} finally {
  await source.destroy();
  await target.destroy();
}
