// The yardstick: a bare node:http server that answers each path with the bytes the app sent for
// it (status, content type, body), in its own process like the app. What the app reaches of this
// server's rate on the same machine in the same run is the figure that counts: the machine's
// noise moves both.
// Usage: node --import tsx bench/http/bare-server.ts <port> <file with JSON Record<path, Captured>>
import fs from "node:fs";
import http from "node:http";

export type Captured = { contentType: string; bodyBase64: string };

const [port, file] = process.argv.slice(2);
const pages = JSON.parse(fs.readFileSync(file!, "utf8")) as Record<string, Captured>;
const bodies = new Map(Object.entries(pages).map(([path, c]) => [path, { type: c.contentType, body: Buffer.from(c.bodyBase64, "base64") }]));

http
  .createServer((req, res) => {
    const page = bodies.get(req.url ?? "");
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": page.type, "Content-Length": page.body.length });
    res.end(page.body);
  })
  .listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\n"));
