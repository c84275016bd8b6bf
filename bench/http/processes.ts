// The processes of a benchmark run: the app server, the bare server and the load generator,
// each a child of this one; and the app server's peak memory from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import type { LoadResult, LoadSpec } from "./load-client";

const TSX = ["--import", "tsx"];

export type Running = { child: ChildProcess; stop: () => Promise<void> };

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
}

async function waitForHttp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${url}: ${log()}`);
}

/** The production server (needs `remix build`), with a heap limit as an installation would set. */
export async function startApp(port: number, env: Record<string, string>): Promise<Running> {
  const child = spawn("node", ["--max-old-space-size=192", "server.js"], {
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output = (output + String(d)).slice(-4000)));
  child.stderr!.on("data", (d) => (output = (output + String(d)).slice(-4000)));
  await waitForHttp(`http://127.0.0.1:${port}/health`, child, () => output);
  return { child, stop: stopper(child) };
}

export async function startBare(port: number, pagesFile: string): Promise<Running> {
  const child = spawn("node", [...TSX, "bench/http/bare-server.ts", String(port), pagesFile], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return { child, stop: stopper(child) };
}

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("node", [...TSX, "bench/http/load-client.ts", JSON.stringify(spec)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load generator exited with ${code}`))));
  });
}

/** The highest resident set size the process has had so far (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** Runs a command to its end; rejects with its output when it fails. */
export function runCommand(command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    child.stderr.on("data", (d) => (out += String(d)));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${out}`))));
  });
}
