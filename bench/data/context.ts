// What generators share: the database, the options, a random stream per generator, and the facts
// earlier generators made (areas, people, application stories) for later ones to build on. Audit
// entries and mails are collected here and written by their own generators, in time order, so a
// generator for a new table (reviews, ledger, reports) adds its entries with one push.
import type { DB } from "../../app/services/db.server";
import type { ApplicationStatus, LifecycleActionType, MailTemplate, Override } from "../../app/domain/lifecycle";
import type { AuditAction, AuditDetails } from "../../app/models/audit.server";
import type { Role } from "../../app/domain/permissions";
import type { Locale } from "../../app/i18n/translate";
import type { TableName } from "./insert";
import type { GenerationOptions } from "./options";
import { Rng } from "./prng";

export type GeneratedArea = { id: string; name: string; kind: "wijk" | "buurt"; inFocus: boolean; focusArea: number };

export type Person = { id: string; email: string; name: string; roles: Role[]; organisationId: string | null; createdAt: number };

export type StepRecord = {
  action: LifecycleActionType;
  at: number;
  actor: Person | null;
  from: ApplicationStatus;
  to: ApplicationStatus;
  /** Granted (approve, confirm) or paid (record_payment) cents: what a ledger generator books. */
  cents: number | null;
  /** The reason written with the step (decline, send back, cancel, withdraw), and an approval's override. */
  reason: string | null;
  override: Override | null;
};

/** One application's way through the lifecycle, as the data set holds it. */
export type ApplicationStory = {
  id: string;
  reference: string;
  title: string;
  areaId: string;
  areaName: string;
  locale: Locale;
  applicantName: string;
  applicantEmail: string | null;
  applicantUserId: string | null;
  submitter: Person | null;
  submittedAt: number;
  requestedCents: number;
  grantedCents: number | null;
  firstApproverUserId: string | null;
  activityDate: string;
  /** Bureau members who declared a conflict of interest. */
  conflicts: string[];
  /** The protective factors the resident declared. */
  factorIds: string[];
  /** Who works on it (the last to take it), as the lifecycle's changes say. */
  assignedUserId: string | null;
  status: ApplicationStatus;
  steps: StepRecord[];
};

export type AuditEvent = {
  at: number;
  actorUserId: string | null;
  actorLabel: string;
  action: AuditAction;
  entityType: string;
  entityId: string;
  before: AuditDetails | null;
  after: AuditDetails | null;
};

/** A mail a step named; the outbox generator finds the addresses (models/recipients.server.ts). */
export type MailEvent = { at: number; audience: "applicant" | "bureau"; template: MailTemplate; story: ApplicationStory };

export type SignInEvent = { at: number; person: Person; method: "code" | "link" };

export type People = {
  reviewers: Person[];
  fundAdmins: Person[];
  supporters: Person[];
  partners: Person[];
  /** Residents with an account, by address (made at their first sign-in). */
  residents: Map<string, Person>;
};

export type GenerationContext = {
  db: DB;
  options: GenerationOptions;
  /** The history runs from here to options.until (ms since the epoch). */
  from: number;
  until: number;
  rng: (generator: string) => Rng;
  areas: GeneratedArea[];
  factorIds: string[];
  people: People;
  stories: ApplicationStory[];
  audit: AuditEvent[];
  mails: MailEvent[];
  signIns: SignInEvent[];
  /** The last reference number of each year (reference_counters). */
  referenceCounters: Map<number, number>;
};

export type TableGenerator = {
  /** A stable name: it also names the generator's random stream. */
  name: string;
  /** The tables it writes (for the summary and the README). */
  tables: TableName[];
  run: (ctx: GenerationContext) => Promise<Partial<Record<TableName, number>>>;
};

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

export function newContext(db: DB, options: GenerationOptions): GenerationContext {
  const root = new Rng(options.seed);
  const until = options.until.getTime();
  return {
    db,
    options,
    from: until - options.years * YEAR_MS,
    until,
    rng: (name) => root.fork(name),
    areas: [],
    factorIds: [],
    people: { reviewers: [], fundAdmins: [], supporters: [], partners: [], residents: new Map() },
    stories: [],
    audit: [],
    mails: [],
    signIns: [],
    referenceCounters: new Map(),
  };
}
