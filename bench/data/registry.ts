// Every generator, in the order they run. A later issue adds its tables with one file in
// generators/ and one line here: after the generators whose facts it reads (ctx.stories for
// reviews, ledger entries and reports), and before "audit-log" and "outbox" when it adds audit
// entries or mails to ctx.audit / ctx.mails. Each draws from its own random stream (its name),
// so adding one does not change the rows of the others.
import type { TableGenerator } from "./context";
import { areas } from "./generators/areas";
import { factors } from "./generators/factors";
import { staff } from "./generators/staff";
import { applications } from "./generators/applications";
import { referenceCounters } from "./generators/reference-counters";
import { drafts } from "./generators/drafts";
import { messages } from "./generators/messages";
import { reviews } from "./generators/reviews";
import { signIns } from "./generators/sign-ins";
import { outbox } from "./generators/outbox";
import { auditLog } from "./generators/audit-log";

export const GENERATORS: readonly TableGenerator[] = [
  areas,
  factors,
  staff,
  applications,
  referenceCounters,
  drafts,
  reviews,
  messages,
  // ← ledger, reports: here
  signIns,
  outbox,
  auditLog,
];
