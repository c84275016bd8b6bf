// `tsx tests/e2e/recreate-pg-database.ts NAME`: an empty database NAME on TEST_PG_URL's cluster.
// playwright.config.ts runs it in the app server's command, because Playwright starts its web
// servers before globalSetup, and the server's setup must find the database there.
import { recreateDatabase } from "../support/pg-admin";

const adminUrl = process.env.TEST_PG_URL;
const name = process.argv[2];
if (!adminUrl || !name) {
  console.error("usage: TEST_PG_URL=postgres://… tsx tests/e2e/recreate-pg-database.ts NAME");
  process.exit(2);
}
await recreateDatabase(adminUrl, name);
