// HTTP benchmark of the production server: requests per second and latency for the pages a
// resident opens first, and the server's memory. Needs a build (`npx remix build`).
// Traffic goes to 127.0.0.1 only; the loop is bounded in count.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const PORT = Number(process.env.BENCH_PORT ?? 3900);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = 10;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inwonersfonds-http-"));
const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), DATABASE_URL: `file:${path.join(dir, "bench.sqlite")}`, NODE_ENV: "production" };

await new Promise<void>((resolve, reject) => {
  const setup = spawn("npx", ["tsx", "scripts/setup.ts", "--seed-if-empty"], { env, stdio: "ignore" });
  setup.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`setup exited ${code}`))));
});
const server = spawn("node", ["--max-old-space-size=192", "server.js"], { env, stdio: "ignore" });
const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/health`)).ok) break;
  } catch {
    if (i > 100) throw new Error("server did not start");
  }
  await new Promise((r) => setTimeout(r, 100));
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

for (const page of ["/", "/aanvragen/nieuw"]) {
  for (let i = 0; i < 50; i++) await (await fetch(base + page)).text(); // warm up
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const t0 = performance.now();
        const res = await fetch(base + page);
        await res.text();
        if (!res.ok) throw new Error(`${page} answered ${res.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(1);
  console.log(
    `GET ${page}: ${(latencies.length / seconds).toFixed(0)} req/s at ${CONCURRENCY} connections, p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, server ${rssMb(server.pid!)} MB RSS`,
  );
}
server.kill();
fs.rmSync(dir, { recursive: true, force: true });
