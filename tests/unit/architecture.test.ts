// The house rules of docs/architecture.md, checked on every run.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}
// Value imports only: `import type` is erased at build time and carries no code across layers.
const imports = (file: string) => [...fs.readFileSync(file, "utf8").matchAll(/^\s*import\s(?!type\s)[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);

describe("architecture", () => {
  it("domain/ imports nothing but domain/", () => {
    for (const file of files("app/domain").filter((f) => !f.endsWith(".test.ts"))) {
      for (const spec of imports(file)) expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/[\w-]+$/);
    }
  });

  it("routes never touch the database directly", () => {
    for (const file of files("app/routes")) {
      for (const spec of imports(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(kysely|better-sqlite3|pg)$|(^|\/)db\//);
      }
    }
  });

  it("components import no server modules", () => {
    for (const file of files("app/components")) {
      for (const spec of imports(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/\.server$|^node:/);
      }
    }
  });

  it("browser tests use the fixtures that fail a test on unexpected server errors", () => {
    for (const file of files("tests/e2e").filter((f) => f !== path.join("tests", "e2e", "fixtures.ts"))) {
      expect(imports(file), `${file} imports @playwright/test instead of ./fixtures`).not.toContain("@playwright/test");
    }
  });

  it("no user-facing Dutch literals in routes and components: words come from the catalogue", () => {
    const dutch = /[>"]\s*(De|Het|Een|Uw|Vul|Kies|Geen|Bedankt|Inloggen|Aanvragen)\s[^"<]*[<"]/;
    for (const file of [...files("app/routes"), ...files("app/components")]) {
      const source = fs.readFileSync(file, "utf8").replace(/^\s*\/\/.*$/gm, "");
      expect(dutch.test(source), `${file} contains a Dutch literal`).toBe(false);
      expect(source, `${file} has a literal text attribute`).not.toMatch(/\b(aria-label|title|placeholder|alt)="[^"]+"/);
    }
  });
});
