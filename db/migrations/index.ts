// Migrations are listed here, not discovered on disk, so they survive bundling by the Remix compiler.
import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_foundation";
import * as m0002 from "./0002_content_fingerprint";
import * as m0003 from "./0003_sessions";
import * as m0004 from "./0004_limits";
import * as m0005 from "./0005_outbox_hardening";
import * as m0006 from "./0006_status_links";
import * as m0007 from "./0007_lifecycle_facts";
import * as m0008 from "./0008_list_indexes";
import * as m0009 from "./0009_review_and_decision";
import * as m0010 from "./0010_questions";
import * as m0011 from "./0011_form_questions";
import * as m0012 from "./0012_queue";
import * as m0013 from "./0013_money";
import * as m0014 from "./0014_bank_accounts";

const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_content_fingerprint": m0002,
  "0003_sessions": m0003,
  "0004_limits": m0004,
  "0005_outbox_hardening": m0005,
  "0006_status_links": m0006,
  "0007_lifecycle_facts": m0007,
  "0008_list_indexes": m0008,
  "0009_review_and_decision": m0009,
  "0010_questions": m0010,
  "0011_form_questions": m0011,
  "0012_queue": m0012,
  "0013_money": m0013,
  "0014_bank_accounts": m0014,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
