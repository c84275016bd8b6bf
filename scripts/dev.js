// `npm run dev`: the Remix classic compiler rebuilds on every change (`remix watch`, development
// mode), and `node --watch` restarts the real server.js whenever the server build it imports is
// rewritten. So development runs the same Express server as production (request guard, CSP,
// sessions), only with a development build and without a restart by hand.
// Ctrl-C (or either process ending) stops both.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const serverBuild = path.join(root, "build/index.js");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const startedAt = Date.now();

const children = [];
let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}
function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit" });
  child.on("exit", (code) => stop(code ?? 0));
  children.push(child);
  return child;
}

run(bin("remix"), ["watch"]);

// Start the server once the watcher has written its first build (an older production build may
// still be lying there).
const fresh = () => fs.existsSync(serverBuild) && fs.statSync(serverBuild).mtimeMs >= startedAt;
const waiting = setInterval(() => {
  if (stopping || !fresh()) return;
  clearInterval(waiting);
  run(process.execPath, ["--watch", "server.js"]);
}, 200);

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));
