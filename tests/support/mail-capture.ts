// A real SMTP server on loopback for the browser tests: every message is parsed and written
// as JSON to MAIL_CAPTURE_DIR, where tests read it back.
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

const port = Number(process.env.MAIL_CAPTURE_PORT ?? 2525);
const dir = process.env.MAIL_CAPTURE_DIR ?? "test-results/mail";
fs.mkdirSync(dir, { recursive: true });
let n = 0;

const server = new SMTPServer({
  authOptional: true,
  // smtp-server's bundled certificate has expired: no STARTTLS on loopback.
  disabledCommands: ["STARTTLS", "AUTH"],
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const to = [mail.to].flat().flatMap((a) => (a ? a.value.map((v) => v.address ?? "") : []));
        const name = `${Date.now()}-${++n}.json`;
        // Written aside and renamed into place: a test polling the folder (mailbox.ts) must never
        // read a file that exists but is still empty ("Unexpected end of JSON input").
        const aside = path.join(dir, `.${name}.tmp`);
        fs.writeFileSync(aside, JSON.stringify({ to, subject: mail.subject ?? "", text: mail.text ?? "", html: mail.html || "" }));
        fs.renameSync(aside, path.join(dir, name));
        callback();
      })
      .catch(callback);
  },
});
server.listen(port, "127.0.0.1", () => console.log(`mail capture on 127.0.0.1:${port}, writing to ${dir}`));
