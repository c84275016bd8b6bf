// End-to-end tests against a production build, in Debian's chromium, with mail caught by a
// real SMTP server on loopback and a fresh database for each run: a SQLite file by default, or,
// with TEST_DATABASE=postgres and TEST_PG_URL=<admin URL of a cluster> (scripts/pg-cluster.sh),
// a database e2e_<port> on that cluster, dropped and made again before the server starts.
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { databaseUrlOn } from "./tests/support/pg-admin";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
// Outside test-results/, which Playwright empties after the servers have started.
const RUN_DIR = path.resolve(`.e2e-run/${PORT}`);
// The server runs from a copy of the build, so a rebuild by someone else during a run cannot
// swap the browser bundles under the running server.
const BUILD_COPY = path.join(RUN_DIR, "app");
const ON_POSTGRES = process.env.TEST_DATABASE === "postgres";
const PG_ADMIN_URL = process.env.TEST_PG_URL;
if (ON_POSTGRES && !PG_ADMIN_URL) throw new Error("TEST_DATABASE=postgres needs TEST_PG_URL, the admin URL of a cluster (scripts/pg-cluster.sh start)");
// Named after the port, so runs on other ports can share one cluster.
const PG_DATABASE = `e2e_${PORT}`;
export const E2E = {
  baseURL: `http://127.0.0.1:${PORT}`,
  // The server's DATABASE_URL; tests/e2e/db.ts reads and writes the same database.
  databaseUrl: ON_POSTGRES ? databaseUrlOn(PG_ADMIN_URL!, PG_DATABASE) : `file:${path.join(RUN_DIR, "e2e.sqlite")}`,
  mailDir: path.join(RUN_DIR, "mail"),
  // The server's stderr goes here; tests/e2e/fixtures.ts fails a test that makes it log something unexpected.
  serverStderr: path.join(RUN_DIR, "server-stderr.log"),
  // Signs the server's session cookie; tests/e2e/fixtures.ts signs minted sessions with it too.
  sessionSecret: "e2e-session-secret-that-is-long-enough-0123456789",
};
process.env.MAIL_CAPTURE_DIR = E2E.mailDir;
process.env.E2E_DATABASE_URL = E2E.databaseUrl;
process.env.E2E_SERVER_STDERR = E2E.serverStderr;
process.env.E2E_BASE_URL = E2E.baseURL;
process.env.E2E_SESSION_SECRET = E2E.sessionSecret;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/playwright-${PORT}`,
  fullyParallel: false,
  workers: 1,
  // No retries: a test that passes only on a second try is a failure to look into, not a pass.
  retries: 0,
  timeout: 30_000,
  // One JSON report per engine, so a script that runs both (scripts/test.sh) can count each.
  reporter: [["list"], ["json", { outputFile: `test-results/playwright${ON_POSTGRES ? "-postgres" : ""}.json` }]],
  use: {
    baseURL: E2E.baseURL,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-gpu"],
    },
  },
  webServer: [
    {
      command: `rm -rf ${RUN_DIR} && mkdir -p ${RUN_DIR} && npx tsx tests/support/mail-capture.ts`,
      port: SMTP_PORT,
      env: { MAIL_CAPTURE_PORT: String(SMTP_PORT), MAIL_CAPTURE_DIR: E2E.mailDir },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `${ON_POSTGRES ? `npx tsx tests/e2e/recreate-pg-database.ts ${PG_DATABASE} && ` : ""}npx tsx scripts/setup.ts --seed-if-empty && rm -rf ${BUILD_COPY} && mkdir -p ${BUILD_COPY} && cp -r build public server.js ${BUILD_COPY}/ && cd ${BUILD_COPY} && exec node server.js 2>>${E2E.serverStderr}`,
      url: `${E2E.baseURL}/health`,
      env: {
        NODE_ENV: "production",
        PORT: String(PORT),
        DATABASE_URL: E2E.databaseUrl,
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        PUBLIC_URL: E2E.baseURL,
        SESSION_SECRET: E2E.sessionSecret,
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
