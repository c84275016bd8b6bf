// A real SMTP server inside an integration test: every message is parsed and kept in `received`.
// smtp-server's bundled certificate has expired, so it offers no STARTTLS (see the stack notes).
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export type Inbox = { port: number; received: ParsedMail[]; close: () => Promise<void> };

export async function startInbox(host = "127.0.0.1"): Promise<Inbox> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    // No reverse DNS lookup of the client: it costs about 100 ms per mail here.
    disableReverseLookup: true,
    onData(stream, _session, done) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The addresses a parsed mail went to, lower-cased. */
export function recipients(mail: ParsedMail): string[] {
  return [mail.to].flat().flatMap((a) => (a ? a.value.map((v) => (v.address ?? "").toLowerCase()) : []));
}
