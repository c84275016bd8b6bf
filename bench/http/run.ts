// npm run bench: the production server with 100,000 generated applications, on SQLite and (when
// one is at hand) PostgreSQL. For each page: requests per second and p50/p99 latency at 10
// keep-alive connections from a separate load-generator process on loopback, next to a bare
// node:http server sending the same bytes in the same run, and the server's peak RSS. Prints one
// Markdown table on stdout; progress goes to stderr.
// Environment: BENCH_APPLICATIONS (100000), BENCH_SEED (1), BENCH_PORT (3950; the bare server
// takes the next port), BENCH_SECONDS (5 per measurement), BENCH_PG_URL or TEST_PG_URL (an admin
// URL of a PostgreSQL cluster; else one is started with scripts/pg-cluster.sh when PostgreSQL is
// installed), BENCH_ENGINES (e.g. "sqlite" to skip PostgreSQL), BENCH_PAGES (only the pages whose
// label contains one of these comma-separated words, e.g. "queue,detail").
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DB } from "../../app/services/db.server";
import { mintSessionCookie } from "./session";
import { peakRssMb, runCommand, runLoad, startApp, startBare } from "./processes";
import { postgresDatabase, sqliteDatabase, type Prepared } from "./databases";
import { formatTable, type Row } from "./table";
import type { Captured } from "./bare-server";

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
const SEED = Number(process.env.BENCH_SEED ?? 1);
const PORT = Number(process.env.BENCH_PORT ?? 3950);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const PAGE_SIZE = 50; // routes/beheer.aanvragen._index.tsx
const BUREAU_EMAIL = "fondsbeheer@example.org"; // a fund administrator in every generated data set
const SECRET = crypto.randomBytes(32).toString("hex");
const log = (line: string) => process.stderr.write(`${line}\n`);

type Page = { label: string; paths: string[]; signedIn: boolean };

async function pagesOf(db: DB): Promise<Page[]> {
  const counted = await db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const refs: string[] = [];
  for (let i = 0; i < 10; i++) {
    const row = await db
      .selectFrom("applications")
      .select("reference")
      .orderBy("reference")
      .limit(1)
      .offset(Math.floor(((i + 0.5) * total) / 10))
      .executeTakeFirst();
    if (row) refs.push(row.reference);
  }
  // Applications the bureau has worked on (a review, a decision), for the detail page with every part filled.
  const worked = await db
    .selectFrom("applications")
    .select("reference")
    .where("status", "in", ["in_review", "approved", "declined", "awaiting_second_review"])
    .where("reference", "in", db.selectFrom("review_judgements as j").innerJoin("applications as x", "x.id", "j.application_id").select("x.reference"))
    .orderBy("reference")
    .limit(10)
    .execute();
  const factor = (await db.selectFrom("factors").select("id").orderBy("sort_order").executeTakeFirstOrThrow()).id;
  const queue = (label: string, query: string): Page => ({ label: `queue, ${label}`, paths: [`/beheer/aanvragen?${query}`], signedIn: true });
  const all: Page[] = [
    { label: "home /", paths: ["/"], signedIn: false },
    { label: "form /aanvragen/nieuw", paths: ["/aanvragen/nieuw"], signedIn: false },
    { label: "bureau list, page 1", paths: ["/beheer/aanvragen"], signedIn: true },
    { label: `bureau list, page ${Math.ceil(last / 2)}`, paths: [`/beheer/aanvragen?pagina=${Math.ceil(last / 2)}`], signedIn: true },
    { label: `bureau list, last page (${last})`, paths: [`/beheer/aanvragen?pagina=${last}`], signedIn: true },
    { label: "application detail (10 refs)", paths: refs.map((r) => `/beheer/aanvragen/${r}`), signedIn: true },
    queue("in review + factor", `status=in_review&factor=${factor}`),
    queue("late", "laat=ja"),
    queue("mine", "toegewezen=mijn"),
    queue("nobody's, oldest first", "toegewezen=niemand&volgorde=oudste"),
    queue("free text", "zoek=koken"),
    queue("closed, oldest first, page 100", "status=closed&volgorde=oudste&pagina=100"),
    { label: "application detail, reviewed (10 refs)", paths: worked.map((r) => `/beheer/aanvragen/${r.reference}`), signedIn: true },
  ];
  const only = process.env.BENCH_PAGES?.split(",").filter(Boolean);
  return only ? all.filter((p) => only.some((word) => p.label.includes(word))) : all;
}

async function capture(port: number, paths: string[], headers: Record<string, string>): Promise<Record<string, Captured>> {
  const out: Record<string, Captured> = {};
  for (const p of paths) {
    const res = await fetch(`http://127.0.0.1:${port}${p}`, { headers, redirect: "manual" });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${body.toString("utf8").slice(0, 300)}`);
    out[p] = { contentType: res.headers.get("content-type") ?? "text/html", bodyBase64: body.toString("base64") };
  }
  return out;
}

async function benchEngine(engine: string, prepare: (workDir: string) => Promise<Prepared>): Promise<{ rows: Row[]; generatedSeconds: number | null }> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `inwonersfonds-bench-${engine}-`));
  const prepared = await prepare(workDir);
  const rows: Row[] = [];
  try {
    const db = openDatabase(prepared.target);
    const cookie = await mintSessionCookie(db, BUREAU_EMAIL, SECRET);
    const pages = await pagesOf(db);
    await db.destroy();
    const databaseUrl = engine === "sqlite" ? `file:${prepared.target}` : prepared.target;
    const app = await startApp(PORT, { DATABASE_URL: databaseUrl, SESSION_SECRET: SECRET, DATA_DIR: workDir });
    try {
      for (const page of pages) {
        const headers: Record<string, string> = page.signedIn ? { Cookie: cookie } : {};
        const captured = await capture(PORT, page.paths, headers);
        const pagesFile = path.join(workDir, "pages.json");
        fs.writeFileSync(pagesFile, JSON.stringify(captured));
        const spec = { paths: page.paths, headers, connections: CONNECTIONS, warmupMs: 1500, durationMs: SECONDS * 1000 };
        log(`${engine}: ${page.label}`);
        const appResult = await runLoad({ ...spec, port: PORT });
        const bare = await startBare(PORT + 1, pagesFile);
        const bareResult = await runLoad({ ...spec, port: PORT + 1, headers: {} });
        await bare.stop();
        if (appResult.errors > 0) log(`  ${appResult.errors} failed requests, first: ${appResult.firstError}`);
        const bytes = Object.values(captured).reduce((sum, c) => sum + Buffer.from(c.bodyBase64, "base64").length, 0) / page.paths.length;
        rows.push({ engine, page: page.label, bytes, app: appResult, bare: bareResult, peakRssMb: peakRssMb(app.child.pid!) });
      }
    } finally {
      await app.stop();
    }
  } finally {
    await prepared.drop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  return { rows, generatedSeconds: prepared.generatedSeconds };
}

/** An admin URL for PostgreSQL: given, or a throwaway cluster; null when there is none. */
async function postgresAdmin(): Promise<{ url: string; stop: () => Promise<void> } | null> {
  const given = process.env.BENCH_PG_URL ?? process.env.TEST_PG_URL;
  if (given) return { url: given, stop: async () => {} };
  if (!fs.existsSync("scripts/pg-cluster.sh")) return null;
  try {
    const [folder, url] = (await runCommand("bash", ["scripts/pg-cluster.sh", "start"])).trim().split("\n").slice(-2);
    return { url: url!, stop: async () => void (await runCommand("bash", ["scripts/pg-cluster.sh", "stop", folder!])) };
  } catch (error) {
    log(`postgres: no cluster (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); SQLite only`);
    return null;
  }
}

const engines = (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(",");
const rows: Row[] = [];
const notes: string[] = [];
const note = (engine: string, seconds: number | null) =>
  notes.push(`${engine}: ${APPLICATIONS} applications (seed ${SEED}) ${seconds === null ? "from the cache" : `generated in ${seconds.toFixed(0)} s`}`);

if (engines.includes("sqlite")) {
  const result = await benchEngine("sqlite", (dir) => sqliteDatabase(dir, APPLICATIONS, SEED, log));
  rows.push(...result.rows);
  note("sqlite", result.generatedSeconds);
}
if (engines.includes("postgres")) {
  const admin = await postgresAdmin();
  if (admin) {
    try {
      const result = await benchEngine("postgres", () => postgresDatabase(admin.url, APPLICATIONS, SEED, log));
      rows.push(...result.rows);
      note("postgres", result.generatedSeconds);
    } finally {
      await admin.stop();
    }
  } else {
    notes.push("postgres: not measured (no BENCH_PG_URL / TEST_PG_URL and no PostgreSQL installed)");
  }
}
process.stdout.write(`${formatTable(rows)}\n\n${notes.join("; ")}; ${CONNECTIONS} connections, ${SECONDS} s per measurement, ${os.cpus().length} cores.\n`);
