// Every browser test imports `test` and `expect` from here, not from @playwright/test: a test
// fails when the e2e server writes to its stderr during it (an error nobody expected is a bug
// even when the page looked fine). playwright.config.ts sends the server's stderr to
// E2E.serverStderr; after each test we read what was added since the last check.
//
// A test that provokes a logged error on purpose declares it, and only matching lines pass:
//   test("a hostile Host header gets a calm 400", async ({ page, expectServerLog }) => {
//     expectServerLog(/^\[error\] POST \/inloggen: /);
//     ...
//   });
// A declared pattern must also show up (within a short wait), so the test proves the line is
// written; every other line, including a stack trace's "at …" lines, still fails the test.
//
// signInAs(page, "beoordelaar@example.org") signs a browser in without the mail round trip
// (minted-session.ts). Use it where signing in is not what the test is about; sign-in tests
// use helpers.ts signIn, the real path through the form and the mail.
import fs from "node:fs";
import { test as base, expect } from "@playwright/test";

export { expect };
export type { APIResponse, Browser, BrowserContext, Page, Response } from "@playwright/test";
// For tests whose subject is not signing in: a session minted in the database, no mail.
export { signInAs } from "./minted-session";

/** How long a declared line may take to appear after the test body has finished. */
const DECLARED_WAIT_MS = 2000;

function logFile(): string {
  const file = process.env.E2E_SERVER_STDERR;
  if (!file) throw new Error("E2E_SERVER_STDERR is not set (see playwright.config.ts)");
  return file;
}

const sizeOf = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

function linesBetween(file: string, from: number, to: number): string[] {
  if (to <= from) return [];
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(to - from);
    fs.readSync(fd, buffer, 0, buffer.length, from);
    // Remix colours parts of its stack traces; the escapes only make the report harder to read.
    return (
      buffer
        .toString("utf8")
        // eslint-disable-next-line no-control-regex -- removing the ESC of colour codes is the point
        .replace(/\u001b\[[0-9;]*m/g, "")
        .split("\n")
        .filter((line) => line.trim() !== "")
    );
  } finally {
    fs.closeSync(fd);
  }
}

/** Playwright reads every "at …" line of an error's stack as a frame, the logged ones too: keep only our own frames. */
function reportError(message: string): Error {
  const error = new Error(message);
  Error.captureStackTrace(error, reportError);
  error.stack = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.startsWith("    at "))
    .join("\n");
  return error;
}

// Up to where this worker has looked. Lines written between two tests count against the next
// one (they are labelled so). Starts at the file's size when the worker starts, so a server
// that was started by an earlier worker does not blame a fresh one for old lines.
let checkedUpTo: number | null = null;

export const test = base.extend<{ expectServerLog: (pattern: RegExp) => void }>({
  expectServerLog: [
    async ({}, use, testInfo) => {
      const file = logFile();
      if (checkedUpTo === null) checkedUpTo = sizeOf(file);
      const before = checkedUpTo;
      const startedAt = sizeOf(file);
      const declared: RegExp[] = [];

      await use((pattern: RegExp) => {
        declared.push(pattern);
      });

      const deadline = Date.now() + DECLARED_WAIT_MS;
      let lines = linesBetween(file, startedAt, sizeOf(file));
      while (declared.some((p) => !lines.some((l) => p.test(l))) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        lines = linesBetween(file, startedAt, sizeOf(file));
      }
      const end = sizeOf(file);
      checkedUpTo = end;
      lines = linesBetween(file, startedAt, end);
      const between = linesBetween(file, before, startedAt).map((l) => `${l}   (logged before this test began)`);

      const unexpected = [...between, ...lines.filter((l) => !declared.some((p) => p.test(l)))];
      const missing = declared.filter((p) => !lines.some((l) => p.test(l)));
      if (lines.length > 0 || between.length > 0) {
        await testInfo.attach("server-stderr", { body: [...between, ...lines].join("\n"), contentType: "text/plain" });
      }
      const problems: string[] = [];
      if (unexpected.length > 0) {
        problems.push(
          `The server logged ${unexpected.length} unexpected line(s) on stderr during this test:\n` +
            unexpected.map((l) => `  | ${l}`).join("\n") +
            "\nFix the cause; if the test provokes this on purpose, declare it with expectServerLog(/pattern/).",
        );
      }
      if (missing.length > 0) {
        problems.push(`Declared with expectServerLog but not logged by the server: ${missing.map(String).join(", ")}`);
      }
      if (problems.length > 0) throw reportError(problems.join("\n\n"));
    },
    { auto: true },
  ],
});
