// `node server.js` with a bad configuration stops at once with one clear line, instead of
// answering 500 on every page; a good https configuration sends HSTS.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";

// Ports and folder next to this run's own (E2E_PORT), so parallel runs on one machine do not meet.
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const BUILD = path.resolve(`.e2e-run/startup-${BASE_PORT}`);

test.beforeAll(() => {
  fs.rmSync(BUILD, { recursive: true, force: true });
  fs.mkdirSync(BUILD, { recursive: true });
  for (const part of ["build", "public", "server.js"]) fs.cpSync(part, path.join(BUILD, part), { recursive: true });
});

// Every server started here is stopped at the end, even when a test failed halfway.
const children: ChildProcess[] = [];
test.afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; kill: () => void; ready: Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "if-startup-"));
  const child = spawn(process.execPath, ["server.js"], {
    cwd: BUILD,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      DATABASE_URL: `file:${dataDir}/db.sqlite`,
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

for (const [name, env, message] of [
  ["TRUST_PROXY=true", { TRUST_PROXY: "true" }, /TRUST_PROXY.*any client choose its own IP/],
  ["a port that is not a number", { PORT: "drie" }, /PORT/],
  ["a public address that is not a URL", { PUBLIC_URL: "fonds" }, /PUBLIC_URL/],
  ["a database in a folder that cannot be made", { DATABASE_URL: "file:/etc/hostname/db.sqlite" }, /cannot start/],
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
