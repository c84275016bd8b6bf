// Migrations are listed here, not discovered on disk, so they survive bundling by the Remix compiler.
import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_foundation";

const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
