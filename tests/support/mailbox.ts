// Reads back the mails the capture server received (see mail-capture.ts).
import fs from "node:fs";
import path from "node:path";

export type CapturedMail = { to: string[]; subject: string; text: string; html: string };

export const MAIL_DIR = process.env.MAIL_CAPTURE_DIR ?? path.resolve("test-results/mail");

export function allMails(dir = MAIL_DIR): CapturedMail[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as CapturedMail);
}

/** Waits until a mail to this address (and matching the subject, if given) has arrived; returns the newest. */
export async function waitForMail(to: string, subject?: RegExp, timeoutMs = 15000, dir = MAIL_DIR): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = allMails(dir).filter((m) => m.to.includes(to.toLowerCase()) && (!subject || subject.test(m.subject)));
    if (found.length) return found[found.length - 1]!;
    if (Date.now() > deadline) throw new Error(`No mail to ${to}${subject ? ` matching ${subject}` : ""} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function linkIn(mail: CapturedMail, pattern: RegExp): string {
  const match = mail.text.match(pattern);
  if (!match) throw new Error(`No link matching ${pattern} in mail "${mail.subject}"`);
  return match[0];
}
