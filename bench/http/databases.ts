// A database with generated data for each engine. SQLite: generated once into a cache under the
// temp folder, keyed by seed, size and the migrations' names (a new migration makes a new
// file), and copied for each run, since the run writes (sessions, audit rows). PostgreSQL: a new
// database in the given cluster, generated in each run and dropped afterwards.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrationProvider } from "../../db/migrations/index";
import { runCommand } from "./processes";

export type Prepared = { target: string; generatedSeconds: number | null; drop: () => Promise<void> };

function generateInto(target: string, applications: number, seed: number): Promise<string> {
  return runCommand("node", ["--import", "tsx", "bench/data/cli.ts", "--applications", String(applications), "--seed", String(seed), "--database", target]);
}

export async function sqliteDatabase(workDir: string, applications: number, seed: number, log: (line: string) => void): Promise<Prepared> {
  // Keyed by the migrations' names, not their number: branches that each add a different
  // migration share the temp folder and must not share a cache file with another schema.
  const names = Object.keys(await migrationProvider.getMigrations());
  const schema = crypto.createHash("sha256").update(names.join(",")).digest("hex").slice(0, 12);
  const cacheDir = path.join(os.tmpdir(), "inwonersfonds-bench-cache");
  const cached = path.join(cacheDir, `seed${seed}-apps${applications}-migrations${names.length}-${schema}.sqlite`);
  let generatedSeconds: number | null = null;
  if (!fs.existsSync(cached)) {
    fs.mkdirSync(cacheDir, { recursive: true });
    const partial = `${cached}.partial-${process.pid}`;
    log(`sqlite: generating ${applications} applications into ${cached}`);
    const started = performance.now();
    await generateInto(partial, applications, seed);
    generatedSeconds = (performance.now() - started) / 1000;
    fs.renameSync(partial, cached);
  }
  const target = path.join(workDir, "bench.sqlite");
  fs.copyFileSync(cached, target);
  return { target, generatedSeconds, drop: async () => fs.rmSync(target, { force: true }) };
}

export async function postgresDatabase(adminUrl: string, applications: number, seed: number, log: (line: string) => void): Promise<Prepared> {
  const name = `inwonersfonds_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target = url.toString();
  log(`postgres: generating ${applications} applications into database ${name}`);
  const started = performance.now();
  await generateInto(target, applications, seed);
  const generatedSeconds = (performance.now() - started) / 1000;
  // Write the bulk load out now, so the measurements do not share the machine with a checkpoint.
  const settle = new pg.Client({ connectionString: adminUrl });
  await settle.connect();
  await settle.query("CHECKPOINT").catch(() => {}); // needs a superuser; a run without it still counts
  await settle.end();
  return {
    target,
    generatedSeconds,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
