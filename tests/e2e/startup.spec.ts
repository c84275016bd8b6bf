// `node server.js` with a bad configuration stops at once with one clear line, instead of
// answering 500 on every page; a good https configuration sends HSTS. The servers started here use
// the engine of this run (tests/e2e/db.ts): a fresh SQLite file each, or on PostgreSQL one fresh
// database of their own on the run's cluster (TEST_PG_URL).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { engine } from "./db";
import { databaseUrlOn, dropDatabase, recreateDatabase } from "../support/pg-admin";

// Ports and folder next to this run's own (E2E_PORT), so parallel runs on one machine do not meet.
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const BUILD = path.resolve(`.e2e-run/startup-${BASE_PORT}`);
const ON_POSTGRES = engine() === "postgres";
const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "";
const PG_DATABASE = `e2e_${BASE_PORT}_startup`;

test.beforeAll(async () => {
  fs.rmSync(BUILD, { recursive: true, force: true });
  fs.mkdirSync(BUILD, { recursive: true });
  for (const part of ["build", "public", "server.js"]) fs.cpSync(part, path.join(BUILD, part), { recursive: true });
  if (ON_POSTGRES) await recreateDatabase(PG_ADMIN_URL, PG_DATABASE);
});

// Every server started here is stopped at the end, even when a test failed halfway.
const children: ChildProcess[] = [];
test.afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  if (ON_POSTGRES) await dropDatabase(PG_ADMIN_URL, PG_DATABASE);
});

// SQLite: a new file for each server. PostgreSQL: the database made in beforeAll (only servers
// that get past their configuration open it, one at a time).
function databaseUrlForServer(): string {
  if (ON_POSTGRES) return databaseUrlOn(PG_ADMIN_URL, PG_DATABASE);
  return `file:${fs.mkdtempSync(path.join(os.tmpdir(), "if-startup-"))}/db.sqlite`;
}

function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; kill: () => void; ready: Promise<void> }> {
  const child = spawn(process.execPath, ["server.js"], {
    cwd: BUILD,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      DATABASE_URL: databaseUrlForServer(),
      SESSION_SECRET: "s".repeat(40),
      PORT: String(BASE_PORT + 90),
      ...env,
    },
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += String(d)));
  child.stderr.on("data", (d) => (stderr += String(d)));
  let resolveReady: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  child.stdout.on("data", () => stdout.includes("listening") && resolveReady());
  return new Promise((resolve) => {
    const result = {
      code: null as number | null,
      get stdout() {
        return stdout;
      },
      get stderr() {
        return stderr;
      },
      kill: () => child.kill("SIGTERM"),
      ready,
    };
    child.on("exit", (code) => resolve({ ...result, code, stdout, stderr }));
    ready.then(() => resolve(result));
  });
}

const badDatabases: [string, Record<string, string>, RegExp][] = ON_POSTGRES
  ? [
      // Port 1 on loopback: nothing listens there, the connection is refused at once.
      ["a PostgreSQL server that does not answer", { DATABASE_URL: "postgres://postgres@127.0.0.1:1/inwonersfonds" }, /ECONNREFUSED|127\.0\.0\.1:1/],
      ["a PostgreSQL database that does not exist", { DATABASE_URL: databaseUrlOn(PG_ADMIN_URL, `${PG_DATABASE}_missing`) }, /does not exist/],
    ]
  : // A file path is SQLite's alone: PostgreSQL's counterparts are the two cases above.
    [["a database in a folder that cannot be made", { DATABASE_URL: "file:/etc/hostname/db.sqlite" }, /cannot start/]];

for (const [name, env, message] of [
  ["TRUST_PROXY=true", { TRUST_PROXY: "true" }, /TRUST_PROXY.*any client choose its own IP/],
  ["a port that is not a number", { PORT: "drie" }, /PORT/],
  ["a public address that is not a URL", { PUBLIC_URL: "fonds" }, /PUBLIC_URL/],
  ...badDatabases,
] as const) {
  test(`${name}: exits with one clear line`, async () => {
    const run = await start(env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^Inwonersfonds cannot start: /);
  });
}

test("with an https PUBLIC_URL every response sends HSTS", async ({ playwright }) => {
  const port = BASE_PORT + 91;
  const run = await start({ PUBLIC_URL: "https://fonds.example", PORT: String(port) });
  try {
    expect(run.code).toBeNull();
    const request = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${port}` });
    for (const p of ["/health", "/favicon.svg", "/"]) {
      const response = await request.get(p);
      expect(response.headers()["strict-transport-security"], p).toBe("max-age=31536000; includeSubDomains");
    }
    await request.dispose();
  } finally {
    run.kill();
  }
});
