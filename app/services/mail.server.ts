// Delivers the outbox. With SMTP_URL it sends through that server; without it (development)
// each mail is written as an .eml file to the data folder and sign-in links are printed.
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { DB } from "./db.server";
import { getDb } from "./db.server";
import { config } from "./config.server";
import { now } from "./clock.server";
import { dueMails, markFailed, markSent, type OutboxRow } from "~/models/outbox.server";
import { housekeeping } from "~/models/housekeeping.server";

type Sender = (row: OutboxRow) => Promise<void>;

export function smtpSender(url: string, from: string): Sender {
  const u = new URL(url);
  const loopback = u.hostname === "127.0.0.1" || u.hostname === "localhost" || u.hostname === "[::1]";
  const transport = nodemailer.createTransport({
    host: u.hostname,
    port: Number(u.port) || (u.protocol === "smtps:" ? 465 : 25),
    secure: u.protocol === "smtps:",
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    // A capture server on loopback (tests, development) has no valid certificate; real servers keep STARTTLS.
    ignoreTLS: loopback,
  });
  return async (row) => {
    await transport.sendMail({ from, to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body });
  };
}

function folderSender(dir: string, from: string): Sender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return async (row) => {
    const info = await transport.sendMail({ from, to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${Date.now()}-${row.id}.eml`), info.message as Buffer);
    console.log(`[mail] to ${row.to_address}: ${row.subject}\n${row.text_body}\n`);
  };
}

let sender: Sender | undefined;
function getSender(): Sender {
  const c = config();
  sender ??= c.smtpUrl ? smtpSender(c.smtpUrl, c.mailFrom) : folderSender(path.join(c.dataDir, "outbox"), c.mailFrom);
  return sender;
}

/** Sends every due mail once; a failure is recorded and retried later, never thrown at the caller. */
export async function deliverDueMails(db: DB, send: Sender = getSender()): Promise<{ sent: number; failed: number }> {
  const rows = await dueMails(db, now().toISOString());
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      await send(row);
      await markSent(db, row.id, now().toISOString());
      sent++;
    } catch (error) {
      await markFailed(db, row, now(), error instanceof Error ? error.message : String(error));
      failed++;
    }
  }
  return { sent, failed };
}

const worker = globalThis as unknown as { __mailWorker?: { running: boolean; again: boolean; timer?: NodeJS.Timeout } };

async function runOnce(): Promise<void> {
  const state = (worker.__mailWorker ??= { running: false, again: false });
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    do {
      state.again = false;
      await deliverDueMails(await getDb());
    } while (state.again);
    await housekeeping(await getDb(), now()); // expired drafts and old rate-limit counts, hourly
  } catch (error) {
    console.error("[mail] delivery round failed", error);
  } finally {
    state.running = false;
  }
}

/** Asks the worker to deliver now (after a commit that enqueued mail). */
export function kickMailWorker(): void {
  void runOnce();
}

/** Starts the periodic retry loop once per process. */
export function startMailWorker(intervalMs = 5000): void {
  const state = (worker.__mailWorker ??= { running: false, again: false });
  if (state.timer) return;
  state.timer = setInterval(() => void runOnce(), intervalMs);
  state.timer.unref();
  void runOnce();
}
