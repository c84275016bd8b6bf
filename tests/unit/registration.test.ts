// Files that only work once someone lists them by hand. Migrations are listed in
// db/migrations/index.ts (the Remix compiler bundles the server, so nothing can be discovered on
// disk at run time) and catalogue sections are merged in app/i18n/catalogue.ts. A file that is
// forgotten there raises no error anywhere: the migration silently never runs, the texts are
// missing. These tests compare the folders with the lists.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrationProvider } from "../../db/migrations";
import { catalogue } from "~/i18n/catalogue";

const MIGRATIONS_DIR = path.resolve("db/migrations");
const SECTIONS_DIR = path.resolve("app/i18n/sections");

/** The .ts files of a folder, without extension, sorted; index.ts is the list itself. */
function moduleNames(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && f !== "index.ts")
    .map((f) => f.replace(/\.ts$/, ""))
    .sort();
}

describe("every migration on disk is registered", () => {
  it("db/migrations/index.ts lists each file, under its own name, and nothing else", async () => {
    const registered = await migrationProvider.getMigrations();
    expect(Object.keys(registered).sort(), "db/migrations/index.ts vs. the files in db/migrations/").toEqual(moduleNames(MIGRATIONS_DIR));
    for (const name of moduleNames(MIGRATIONS_DIR)) {
      // The entry is that file's module, not a copy-pasted neighbour's.
      const module = await import(path.join(MIGRATIONS_DIR, `${name}.ts`));
      expect(registered[name]?.up, `${name} is registered with another file's up()`).toBe(module.up);
    }
  });

  it("file names are numbered and sort in the order they must run", () => {
    const names = moduleNames(MIGRATIONS_DIR);
    for (const name of names) expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
    const numbers = names.map((n) => n.slice(0, 4));
    expect(new Set(numbers).size, "two migrations share a number").toBe(numbers.length);
  });
});

describe("every catalogue section on disk is registered", () => {
  it("app/i18n/catalogue.ts merges each section file, Dutch and English", async () => {
    for (const name of moduleNames(SECTIONS_DIR)) {
      const section = (await import(path.join(SECTIONS_DIR, `${name}.ts`))) as { nl: Record<string, string>; en: Record<string, string> };
      expect(Object.keys(section.nl).length, `${name}.ts exports no Dutch texts`).toBeGreaterThan(0);
      for (const [key, text] of Object.entries(section.nl)) {
        expect((catalogue.nl as Record<string, string>)[key], `${key} of sections/${name}.ts is not merged in app/i18n/catalogue.ts (nl)`).toBe(text);
      }
      for (const [key, text] of Object.entries(section.en)) {
        expect((catalogue.en as Record<string, string>)[key], `${key} of sections/${name}.ts is not merged in app/i18n/catalogue.ts (en)`).toBe(text);
      }
    }
  });

  it("tests/unit/catalogue.test.ts checks each section file", () => {
    // That test looks for keys used twice across the sections it imports; a section it does not
    // import escapes the check.
    const source = fs.readFileSync(path.resolve("tests/unit/catalogue.test.ts"), "utf8");
    const imported = [...source.matchAll(/from\s+["']~\/i18n\/sections\/([\w-]+)["']/g)].map((m) => m[1]!).sort();
    expect(imported, "sections imported by tests/unit/catalogue.test.ts vs. the files in app/i18n/sections/").toEqual(moduleNames(SECTIONS_DIR));
  });
});
