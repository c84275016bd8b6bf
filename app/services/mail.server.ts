// Delivers the outbox. With SMTP_URL it sends through that server; without it (development)
// each mail is written as an .eml file to the data folder and, outside production, printed.
// Delivery is at least once: a crash after the SMTP server took a mail but before it was marked
// sent means it goes out again (docs/decisions/030-mail-delivery-at-least-once.md).
import fs from "node:fs";
import path from "node:path";
import nodemailer, { type SMTPTransportOptions } from "nodemailer";
import type { DB } from "./db.server";
import { getDb } from "./db.server";
import { config, type Config } from "./config.server";
import { now } from "./clock.server";
import { claimDueMails, expireOverdue, markFailed, markSent, purgeFinished, type OutboxRow } from "~/models/outbox.server";
import { maskAddress } from "~/domain/mail-delivery";
import { housekeeping } from "~/models/housekeeping.server";

export type Sender = (row: OutboxRow) => Promise<void>;

/** 127.0.0.0/8, ::1 and localhost: mail to a server there never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Mail carries sign-in codes and links, and the SMTP password goes along: to any server but
 * loopback it travels encrypted (smtps://, or STARTTLS that must succeed), unless the operator
 * says SMTP_ALLOW_INSECURE=true. A capture server on loopback (tests, development) has no valid
 * certificate, so there STARTTLS is skipped.
 */
export function smtpTransportOptions(url: string, options: { allowInsecure: boolean }): SMTPTransportOptions {
  const u = new URL(url);
  if (u.protocol !== "smtp:" && u.protocol !== "smtps:") throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${u.protocol}//`);
  const implicitTls = u.protocol === "smtps:";
  const loopback = isLoopbackHost(u.hostname);
  return {
    host: u.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: Number(u.port) || (implicitTls ? 465 : 25),
    secure: implicitTls,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    requireTLS: !implicitTls && !loopback && !options.allowInsecure,
    ignoreTLS: !implicitTls && loopback,
    tls: { minVersion: "TLSv1.2" },
  };
}

export function smtpSender(url: string, from: string, options: { allowInsecure: boolean } = { allowInsecure: false }): Sender {
  const transport = nodemailer.createTransport(smtpTransportOptions(url, options));
  return async (row) => {
    await transport.sendMail({ from, to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body });
  };
}

/** Development without SMTP: .eml files, and the mail on the console (the README's demo sign-in) unless `printBodies` is off. */
export function folderSender(dir: string, from: string, options: { printBodies: boolean }): Sender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return async (row) => {
    const info = await transport.sendMail({ from, to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${Date.now()}-${row.id}.eml`), info.message as Buffer);
    if (options.printBodies) console.log(`[mail] to ${row.to_address}: ${row.subject}\n${row.text_body}\n`);
    else console.log(`[mail] ${row.template} to ${maskAddress(row.to_address)} written to ${dir}`);
  };
}

/** In production codes and links are never printed: logs are kept, copied and read by others. */
export function senderFor(c: Pick<Config, "smtpUrl" | "mailFrom" | "smtpAllowInsecure" | "dataDir" | "nodeEnv">): Sender {
  return c.smtpUrl
    ? smtpSender(c.smtpUrl, c.mailFrom, { allowInsecure: c.smtpAllowInsecure })
    : folderSender(path.join(c.dataDir, "outbox"), c.mailFrom, { printBodies: c.nodeEnv !== "production" });
}

let sender: Sender | undefined;
function getSender(): Sender {
  sender ??= senderFor(config());
  return sender;
}

export type DeliveryRound = { sent: number; failed: number; deadLetters: number; expired: number };

/** Sends every due mail once; a failure is recorded and retried later, never thrown at the caller. */
export async function deliverDueMails(db: DB, send: Sender = getSender(), clock: () => Date = now): Promise<DeliveryRound> {
  const round: DeliveryRound = { sent: 0, failed: 0, deadLetters: 0, expired: 0 };
  for (const row of await expireOverdue(db, clock().toISOString())) {
    round.expired++;
    console.warn(`[mail] dropped ${row.id} (${row.template}) to ${maskAddress(row.to_address)}: past its end date after ${row.attempts} tries`);
  }
  for (const row of await claimDueMails(db, clock())) {
    try {
      await send(row);
      await markSent(db, row.id, clock().toISOString());
      round.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const outcome = await markFailed(db, row, clock(), message);
      round.failed++;
      const line = `${row.id} (${row.template}) to ${maskAddress(row.to_address)} after ${row.attempts + 1} tries: ${message.replace(/\s+/g, " ").slice(0, 200)}`;
      if (outcome.status === "failed") {
        round.deadLetters++;
        console.error(`[mail] dead letter ${line}`);
      } else if (outcome.status === "expired") {
        round.expired++;
        console.warn(`[mail] dropped ${line}`);
      }
    }
  }
  return round;
}

/** Deletes delivered and dropped mails older than the retention period (MAIL_RETENTION_DAYS). */
export async function purgeOldMail(db: DB, at: Date, retentionDays: number): Promise<number> {
  const before = new Date(at.getTime() - retentionDays * 24 * 60 * 60 * 1000).toISOString();
  const purged = await purgeFinished(db, before);
  if (purged > 0) console.log(`[mail] purged ${purged} delivered mails older than ${retentionDays} days`);
  return purged;
}

const PURGE_EVERY_MS = 60 * 60 * 1000;
type WorkerState = { running: boolean; again: boolean; lastPurge: number; timer?: NodeJS.Timeout };
const worker = globalThis as unknown as { __mailWorker?: WorkerState };
const state = (): WorkerState => (worker.__mailWorker ??= { running: false, again: false, lastPurge: 0 });

async function runOnce(): Promise<void> {
  const s = state();
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  try {
    const db = await getDb();
    do {
      s.again = false;
      await deliverDueMails(db);
    } while (s.again);
    if (Date.now() - s.lastPurge >= PURGE_EVERY_MS) {
      s.lastPurge = Date.now();
      await purgeOldMail(db, now(), config().mailRetentionDays);
    }
    await housekeeping(db, now()); // expired drafts, sessions and old rate-limit counts, hourly
  } catch (error) {
    console.error(`[error] mail delivery round failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    s.running = false;
  }
}

/** Asks the worker to deliver now (after a commit that enqueued mail). */
export function kickMailWorker(): void {
  void runOnce();
}

/** Starts the periodic retry loop once per process. */
export function startMailWorker(intervalMs = 5000): void {
  const s = state();
  if (s.timer) return;
  s.timer = setInterval(() => void runOnce(), intervalMs);
  s.timer.unref();
  void runOnce();
}
