// The load generator, run as its own process (so it never shares the server's event loop):
// `connections` keep-alive connections on loopback, each sending its next request as soon as the
// last answer is read, for `durationMs` after a warm-up. Prints one JSON line with the figures.
// Usage: node --import tsx bench/http/load-client.ts '<json LoadSpec>'
import http from "node:http";
import { performance } from "node:perf_hooks";

export type LoadSpec = { port: number; paths: string[]; headers: Record<string, string>; connections: number; warmupMs: number; durationMs: number };
export type LoadResult = { requests: number; seconds: number; perSecond: number; p50: number; p99: number; errors: number; firstError: string | null };

function once(agent: http.Agent, spec: LoadSpec, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: spec.port, path, agent, headers: spec.headers }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const started = performance.now();
  const measureFrom = started + spec.warmupMs;
  const stopAt = measureFrom + spec.durationMs;
  await Promise.all(
    Array.from({ length: spec.connections }, async () => {
      while (performance.now() < stopAt) {
        const path = spec.paths[next++ % spec.paths.length]!;
        const t0 = performance.now();
        try {
          const status = await once(agent, spec, path);
          if (status !== 200) throw new Error(`${path} answered ${status}`);
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
        if (t0 >= measureFrom) latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - measureFrom) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return { requests: latencies.length, seconds, perSecond: latencies.length / seconds, p50: pct(0.5), p99: pct(0.99), errors, firstError };
}

const spec = JSON.parse(process.argv[2] ?? "{}") as LoadSpec;
process.stdout.write(`${JSON.stringify(await run(spec))}\n`);
