// Two app servers on one database, as behind a load balancer (one PUBLIC_URL, one SESSION_SECRET,
// TRUST_PROXY for the balancer's X-Forwarded-For): a burst of submissions and sign-in requests
// through both at once. Every mail goes out exactly once although both mail workers compete for
// the outbox, reference numbers are unique and without gaps, every limit is counted across both
// servers, and a session begun on one server goes on on the other.
// The database is a fresh PostgreSQL database with TEST_DATABASE=postgres and TEST_PG_URL, else
// one SQLite file shared by both processes (WAL, BEGIN IMMEDIATE for writes that read first).
// Only HTTP requests, no browser: the balancer's part is played by the headers it would add.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openDatabase, migrateToLatest, type DB } from "../../app/services/db.server";
import { seedReferenceData } from "../../db/seed";
import { allMails, type CapturedMail } from "../support/mailbox";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const RUN = path.resolve(`.e2e-run/two-servers-${BASE_PORT}`);
/** The address the balancer answers on: nothing listens there, the servers only see it in headers. */
const PUBLIC_URL = `http://127.0.0.1:${BASE_PORT + 6}`;
const PUBLIC_HOST = new URL(PUBLIC_URL).host;
const SESSION_SECRET = "two-servers-session-secret-that-is-long-enough";
const BUREAU = "bureau@example.org";
const ON_POSTGRES = process.env.TEST_DATABASE === "postgres";

type Server = { name: string; url: string; mailDir: string; stderr: () => string };
const children: ChildProcess[] = [];
const servers: Server[] = [];
let db: DB;
let databaseUrl: string;
let dropDatabase: () => Promise<void> = async () => {};

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_PG_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A child process that is ready once its stdout says `ready`; its stderr is kept. */
function startProcess(command: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<{ stderr: () => string }> {
  const child = spawn(command, args, { cwd: RUN, env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", ...env } });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += String(d)));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => {
      stdout += String(d);
      if (ready.test(stdout)) resolve({ stderr: () => stderr });
    });
    child.on("exit", (code) => reject(new Error(`${command} ${args.join(" ")} exited with ${code}: ${stderr}`)));
  });
}

async function startServer(name: string, port: number, smtpPort: number): Promise<Server> {
  const mailDir = path.join(RUN, `mail-${name}`);
  await startProcess(
    process.execPath,
    ["--import", "tsx", path.resolve("tests/support/mail-capture.ts")],
    { MAIL_CAPTURE_PORT: String(smtpPort), MAIL_CAPTURE_DIR: mailDir },
    /mail capture on/,
  );
  const { stderr } = await startProcess(
    process.execPath,
    ["server.js"],
    {
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: path.join(RUN, `data-${name}`),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      PUBLIC_URL,
      SESSION_SECRET,
      BUREAU_EMAIL: BUREAU,
      // The balancer on loopback says who the client is.
      TRUST_PROXY: "loopback",
    },
    /listening/,
  );
  return { name, url: `http://127.0.0.1:${port}`, mailDir, stderr };
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  fs.rmSync(RUN, { recursive: true, force: true });
  fs.mkdirSync(RUN, { recursive: true });
  for (const part of ["build", "public", "server.js"]) fs.cpSync(part, path.join(RUN, part), { recursive: true });
  if (ON_POSTGRES) {
    const name = `two_servers_${crypto.randomBytes(4).toString("hex")}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.TEST_PG_URL!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    databaseUrl = `file:${path.join(RUN, "shared.sqlite")}`;
  }
  db = openDatabase(databaseUrl);
  await migrateToLatest(db);
  await seedReferenceData(db);
  servers.push(...(await Promise.all([startServer("a", BASE_PORT + 2, BASE_PORT + 4), startServer("b", BASE_PORT + 3, BASE_PORT + 5)])));
});

test.afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await db?.destroy();
  await dropDatabase();
});

/** A form post as the balancer passes it on: the public host and origin, and the client's address. */
function post(request: APIRequestContext, server: Server, pathname: string, form: Record<string, string>, clientIp: string): Promise<APIResponse> {
  return request.post(`${server.url}${pathname}`, {
    form,
    maxRedirects: 0,
    headers: { origin: PUBLIC_URL, "x-forwarded-host": PUBLIC_HOST, "x-forwarded-for": clientIp },
  });
}

function get(request: APIRequestContext, server: Server, pathname: string): Promise<APIResponse> {
  return request.get(`${server.url}${pathname}`, { maxRedirects: 0, headers: { "x-forwarded-host": PUBLIC_HOST, "x-forwarded-for": "198.51.100.1" } });
}

const inWeeks = () => new Date(Date.now() + 40 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

function application(i: number, email: string): Record<string, string> {
  return {
    submissionKey: `two-servers-${i}-${crypto.randomBytes(6).toString("hex")}`,
    name: `Bewoner ${i}`,
    email,
    areaId: "kroeven",
    // Another title each time: the same content twice would be (rightly) taken as one repeat.
    title: `Buurtontbijt nummer ${i}`,
    description: "Een ontbijt op het plein voor alle buren, jong en oud, met muziek.",
    activityDate: inWeeks(),
    participants: "40",
    factorIds: "ontmoeting",
    amount: "250",
    publicConsent: "yes",
  };
}

const mails = (): CapturedMail[] => servers.flatMap((s) => allMails(s.mailDir));

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test("a burst through two servers: every mail once, references without gaps, limits counted across both", async ({ playwright }) => {
  test.setTimeout(120_000);
  const [a, b] = servers as [Server, Server];
  const through = (i: number) => (i % 2 === 0 ? a : b);
  // One request context per visitor: nobody shares a cookie.
  const visitors: APIRequestContext[] = [];
  const visitor = async () => {
    const context = await playwright.request.newContext();
    visitors.push(context);
    return context;
  };

  const LIMITED_APPLICANT = "vaak-aanvragen@example.org";
  const LIMITED_SIGN_IN = "vaak-inloggen@example.org";
  const submissions = [
    // 30 residents, each once, from their own address.
    ...Array.from({ length: 30 }, (_, i) => ({ i, email: `bewoner-${i}@example.org`, ip: `192.0.2.${i + 1}` })),
    // One resident sends five different ideas through both servers: 3 an hour are allowed.
    ...Array.from({ length: 5 }, (_, j) => ({ i: 30 + j, email: LIMITED_APPLICANT, ip: `198.51.100.${j + 10}` })),
  ];
  const signIns = [
    ...Array.from({ length: 12 }, (_, i) => ({ i, email: `inloggen-${i}@example.org`, ip: `203.0.113.${i + 1}` })),
    // One address asks eight times, over both servers, from different places: 5 codes per 15 minutes.
    ...Array.from({ length: 8 }, (_, j) => ({ i: 12 + j, email: LIMITED_SIGN_IN, ip: `203.0.113.${j + 100}` })),
  ];

  const started = Date.now();
  const [submitted, signedIn] = await Promise.all([
    Promise.all(submissions.map(async (s) => (await post(await visitor(), through(s.i), "/aanvragen/nieuw", application(s.i, s.email), s.ip)).status())),
    Promise.all(signIns.map(async (s) => (await post(await visitor(), through(s.i), "/inloggen", { email: s.email }, s.ip)).status())),
  ]);
  const burstMs = Date.now() - started;

  // Every request answered as a person would see it: a redirect onwards, or the calm 429.
  expect(submitted.slice(0, 30)).toEqual(Array(30).fill(302));
  expect(submitted.slice(30).sort()).toEqual([302, 302, 302, 429, 429]);
  expect(signedIn.slice(0, 12)).toEqual(Array(12).fill(302));
  expect(signedIn.slice(12).sort()).toEqual([302, 302, 302, 302, 302, 429, 429, 429]);

  // The database: 33 applications with references 1..33 of one year, no number twice or skipped.
  const references = (await db.selectFrom("applications").select("reference").execute()).map((r) => r.reference).sort();
  expect(references).toHaveLength(33);
  const year = references[0]!.slice(3, 7);
  expect(references).toEqual(Array.from({ length: 33 }, (_, i) => `IF-${year}-${String(i + 1).padStart(4, "0")}`));
  const codes = await db.selectFrom("login_codes").select("email").execute();
  expect(codes.filter((c) => c.email === LIMITED_SIGN_IN)).toHaveLength(5);
  expect(codes).toHaveLength(17);

  // Both mail workers take from one outbox; wait until it is empty, then a little longer, so a
  // mail sent twice would have arrived too.
  const outbox = () => db.selectFrom("outbox").select(["to_address", "status"]).execute();
  await waitUntil("every outbox row sent", async () => (await outbox()).every((r) => r.status === "sent"));
  await waitUntil("every sent mail in a capture", async () => mails().length >= (await outbox()).length);
  await new Promise((r) => setTimeout(r, 1500));
  const rows = await outbox();
  // 33 confirmations, 33 notices to the bureau, 17 sign-in mails.
  expect(rows).toHaveLength(83);

  const captured = mails();
  const perRecipient = (addresses: string[]) => addresses.reduce<Record<string, number>>((m, to) => ({ ...m, [to]: (m[to] ?? 0) + 1 }), {});
  expect(perRecipient(captured.flatMap((m) => m.to))).toEqual(perRecipient(rows.map((r) => r.to_address)));
  const keys = captured.map((m) => `${m.to.join()} ${m.subject}`);
  expect(new Set(keys).size, "a mail arrived twice").toBe(keys.length);
  expect(
    captured
      .filter((m) => m.to.includes(BUREAU))
      .map((m) => m.subject.replace(/^Nieuwe aanvraag /, ""))
      .sort(),
  ).toEqual(references);
  expect(captured.filter((m) => m.to.includes(LIMITED_SIGN_IN))).toHaveLength(5);

  for (const server of servers) expect(server.stderr(), `server ${server.name} logged on stderr`).toBe("");
  for (const context of visitors) await context.dispose();
  test.info().annotations.push({
    type: "figures",
    description: `${ON_POSTGRES ? "PostgreSQL" : "SQLite"}: 55 posts in ${burstMs} ms; mails sent by a: ${allMails(a.mailDir).length}, by b: ${allMails(b.mailDir).length}`,
  });
});

test("a session begun on one server goes on on the other", async ({ playwright }) => {
  const [a, b] = servers as [Server, Server];
  const request = await playwright.request.newContext();
  const email = "twee-servers@example.org";
  // The address is given on server a; the code page on b knows it (the session is in the database).
  expect((await post(request, a, "/inloggen", { email }, "198.51.100.50")).headers().location).toBe("/inloggen/code");
  const codePage = await get(request, b, "/inloggen/code");
  expect(codePage.status()).toBe(200);
  await waitUntil("the sign-in mail", async () => mails().some((m) => m.to.includes(email)));
  const code = /(\d{6})$/.exec(mails().find((m) => m.to.includes(email))!.subject)![1]!;
  // The code is typed on b, and the signed-in session then works on a.
  const signedIn = await post(request, b, "/inloggen/code", { code }, "198.51.100.50");
  expect(signedIn.status()).toBe(302);
  expect(signedIn.headers().location).toBe("/mijn-aanvragen");
  for (const server of [a, b]) {
    const page = await get(request, server, "/mijn-aanvragen");
    expect(page.status(), server.name).toBe(200);
    expect(await page.text()).toContain(`Ingelogd als ${email}`);
  }
  // Signed out on a, a copy of the same cookie is refused on b.
  const cookie = (await request.storageState()).cookies.find((c) => c.name === "__session")!;
  expect((await post(request, a, "/uitloggen", {}, "198.51.100.50")).status()).toBe(302);
  const copy = await playwright.request.newContext({ extraHTTPHeaders: { cookie: `__session=${cookie.value}` } });
  expect((await get(copy, b, "/mijn-aanvragen")).headers().location).toMatch(/^\/inloggen/);
  await Promise.all([request.dispose(), copy.dispose()]);
  for (const server of servers) expect(server.stderr(), `server ${server.name} logged on stderr`).toBe("");
});

test("a sign-in link pressed on both servers at the same moment signs in once", async ({ playwright }) => {
  const [a, b] = servers as [Server, Server];
  const email = "link-twee-keer@example.org";
  const asker = await playwright.request.newContext();
  expect((await post(asker, a, "/inloggen", { email }, "198.51.100.60")).status()).toBe(302);
  await waitUntil("the sign-in mail", async () => mails().some((m) => m.to.includes(email)));
  const token = /\/inloggen\/link\/([\w-]+)/.exec(mails().find((m) => m.to.includes(email))!.text)![1]!;
  const browsers = [await playwright.request.newContext(), await playwright.request.newContext()];
  const statuses = await Promise.all(
    [a, b].map(async (server, i) => (await post(browsers[i]!, server, `/inloggen/link/${token}`, { token }, "198.51.100.61")).status()),
  );
  expect(statuses.sort()).toEqual([302, 400]);
  for (const context of [asker, ...browsers]) await context.dispose();
  for (const server of servers) expect(server.stderr(), `server ${server.name} logged on stderr`).toBe("");
});
