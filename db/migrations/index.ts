// Migrations are listed here, not discovered on disk, so they survive bundling by the Remix compiler.
import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_foundation";
import * as m0002 from "./0002_content_fingerprint";
import * as m0004 from "./0004_limits";

const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_content_fingerprint": m0002,
  "0004_limits": m0004,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
