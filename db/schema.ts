// Table types for kysely: the one place that says what the database holds.
// Timestamps are ISO-8601 strings (UTC), dates are "YYYY-MM-DD", money is integer euro cents,
// booleans are 0/1 — all portable between SQLite and PostgreSQL.
// Columns that hold one of a fixed set of values are typed by the union the code uses, so a
// misspelt status or role is a type error, not a row nobody finds.
import type { ColumnType, Generated } from "kysely";
import type { ApplicationStatus, Override } from "../app/domain/lifecycle";
import type { ConflictKind, HelpKind, Judgement } from "../app/domain/review";
import type { DecisionAction } from "../app/models/decisions.server";
import type { Role } from "../app/domain/permissions";
import type { FoundVia } from "../app/forms/application-schema";
import type { Locale } from "../app/i18n/translate";
import type { AuditAction, AuditDetails } from "../app/models/audit.server";
import type { OutboxTemplate } from "../emails/registry";
import type { JsonText } from "./json";
import type { Earmarks, FunderKind } from "../app/domain/split";
import type { EntryKind } from "../app/domain/ledger";

export type { JsonText };

export interface AreaTable {
  id: string;
  name: string;
  kind: "wijk" | "buurt";
  in_focus: number;
  sort_order: number;
}

export interface FactorTable {
  id: string;
  name_nl: string;
  explanation_nl: string;
  name_en: string;
  explanation_en: string;
  sort_order: number;
  active: number;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  organisation_id: string | null;
  created_at: string;
}

export interface UserRoleTable {
  user_id: string;
  role: Role;
}

export interface LoginCodeTable {
  id: string;
  email: string;
  code_hash: string;
  link_hash: string;
  ip: string;
  attempts: number;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface ApplicationTable {
  id: string;
  reference: string;
  submission_key: string;
  content_hash: string | null;
  status: ApplicationStatus;
  applicant_name: string;
  applicant_email: string | null;
  applicant_phone: string | null;
  applicant_user_id: string | null;
  submitted_by_user_id: string | null;
  area_id: string;
  title: string;
  description: string;
  activity_date: string;
  expected_participants: number;
  requested_cents: number;
  public_consent: number;
  status_token_hash: string;
  locale: Locale;
  submitted_at: string;
  updated_at: string;
  /** When it reached a final status (declined, closed, withdrawn, cancelled); ends the status link later. */
  closed_at: string | null;
  /** Set by an approval (cents); cleared when a second reviewer sends it back. */
  granted_cents: number | null;
  /** The reviewer whose approval above the four-eyes threshold waits for a second reviewer. */
  first_approver_user_id: string | null;
  /** The reviewer who works on it: who took it, or whom a fund administrator assigned (migration 0009). */
  assigned_user_id: string | null;
  /** Help besides money the resident asked for: a JSON list of HELP_KINDS; null when not answered (migration 0011). */
  help_wanted_json: JsonText<HelpKind[]> | null;
  /** How the resident came to the fund; null when not answered. */
  found_via: FoundVia | null;
  /** Their own words when found_via is "other". */
  found_via_other: string | null;
  /**
   * When the answer clock last started: the latest submit, the first or an answer to a question
   * (decision 010); set by the lifecycle's write path (migration 0012). Null on a draft.
   */
  answer_clock_started_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A bureau member who may not take steps on this application (declared, or found by the bureau). */
export interface ConflictOfInterestTable {
  application_id: string;
  user_id: string;
  declared_at: string;
  /** The declarer's own note (optional). */
  reason: string | null;
  /** Own street, family or own organisation; null on rows from before migration 0009. */
  kind: ConflictKind | null;
}

/** The current judgement of one protective factor (declared by the resident, or added by the bureau). */
export interface ReviewJudgementTable {
  application_id: string;
  factor_id: string;
  judgement: Judgement;
  motivation: string;
  added_by_bureau: number;
  reviewer_user_id: string;
  updated_at: string;
}

/** The bureau's own note on an application: never shown to the resident. */
export interface ReviewNoteTable {
  application_id: string;
  note: string;
  updated_by_user_id: string;
  updated_at: string;
}

/** What a decision step said besides the status, one row per step (approve, confirm, send back, decline, cancel). */
export interface ApplicationDecisionTable {
  id: string;
  application_id: string;
  action: DecisionAction;
  actor_user_id: string | null;
  at: string;
  granted_cents: number | null;
  /** Conditions of an approval, for the resident. */
  conditions: string | null;
  help_json: JsonText<HelpKind[]> | null;
  /** Decline and cancel: the reason written to the resident; send back: the note to the first reviewer. */
  reason: string | null;
  /** Decline: what the resident could do instead. */
  alternatives: string | null;
  override_json: JsonText<Override> | null;
}

/** One message of the conversation about an application: the bureau's question or the applicant's answer. */
export interface ApplicationMessageTable {
  id: string;
  application_id: string;
  kind: "question" | "answer";
  /** Who wrote it; null for an answer written before the applicant had an account (seeded data). */
  author_user_id: string | null;
  body: string;
  at: string;
}

export interface ApplicationFactorTable {
  application_id: string;
  factor_id: string;
}

export interface CostLineTable {
  application_id: string;
  position: number;
  description: string;
  cents: number;
}

export interface DraftTable {
  id: string;
  token_hash: string;
  email: string;
  /** The draft schema's output: only the form's own fields. */
  payload: JsonText<Record<string, unknown>>;
  created_at: string;
  expires_at: string;
  consumed_at: string | null;
}

export interface ReferenceCounterTable {
  year: number;
  last_number: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: string | null;
  actor_label: string;
  action: AuditAction;
  entity_type: string;
  entity_id: string;
  before_json: JsonText<AuditDetails> | null;
  after_json: JsonText<AuditDetails> | null;
}

export interface OutboxTable {
  id: string;
  to_address: string;
  template: OutboxTemplate;
  subject: string;
  text_body: string;
  html_body: string;
  /** "failed" is a dead letter (every try used up); "expired" was dropped at its end date. */
  status: "pending" | "sent" | "failed" | "expired";
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** After this moment the mail is of no use (a sign-in code's expiry): never sent later. */
  expires_at: string | null;
  last_attempt_at: string | null;
}

export interface SessionTable {
  /** SHA-256 of the random id in the cookie: a copy of this table signs nobody in. */
  id_hash: string;
  user_id: string | null;
  /** JSON: the session's values (who is signed in, the address waiting for a code, notices). */
  data: JsonText<Record<string, unknown>>;
  idle_ms: number;
  absolute_ms: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** One counted event (a sign-in mail, a wrong code, an application) for a hashed key. */
export interface RateLimitEventTable {
  id: string;
  bucket: string;
  key_hash: string;
  at: string;
}

/** Written first in a limit's transaction, so requests for one key are counted one at a time. */
export interface RateLimitKeyTable {
  bucket: string;
  key_hash: string;
  touched_at: string;
}

/** Who puts money (or work) into the fund: the Rijk (SPUK), the gemeente, a partner (migration 0013). */
export interface FunderTable {
  id: string;
  name: string;
  kind: FunderKind;
  organisation_id: string | null;
  /** Demo data that names no real funder. */
  invented: number;
  created_at: string;
}

/** Money of one funder for one period; its balances are sums over ledger_entries. */
export interface PotTable {
  id: string;
  funder_id: string;
  name: string;
  period_start: string;
  /** The current end; earlier ends are in pot_end_changes. */
  period_end: string;
  earmarks_json: JsonText<Earmarks>;
  /** The split's stated order (lower first). */
  priority: number;
  invented: number;
  created_at: string;
  updated_at: string;
}

/** A recorded decision to move a pot's end (an uitstelverzoek that was granted). */
export interface PotEndChangeTable {
  id: string;
  pot_id: string;
  old_end: string;
  new_end: string;
  reason: string;
  actor_user_id: string | null;
  actor_label: string;
  at: string;
}

/** One fact of the append-only ledger (domain/ledger.ts); (operation_id, pot_id) is unique. */
export interface LedgerEntryTable {
  id: Generated<number>;
  operation_id: string;
  pot_id: string;
  /** The grant; null for an allocation. */
  application_id: string | null;
  kind: EntryKind;
  cents: number;
  /** The booking day, "YYYY-MM-DD". */
  date: string;
  actor_user_id: string | null;
  actor_label: string;
  at: string;
  reason: string | null;
}

/** Where a grant is paid to: one account per application (migration 0014). */
export interface BankAccountTable {
  application_id: string;
  /** Normalised (capitals, no spaces), check digits verified. */
  iban: string;
  holder_name: string;
  entered_by_user_id: string | null;
  entered_by_label: string;
  created_at: string;
  updated_at: string;
}

/** Work or goods a funder gives instead of money: counted, never spendable. */
export interface InKindContributionTable {
  id: string;
  funder_id: string;
  period_start: string;
  period_end: string;
  description: string;
  value_cents: number;
  invented: number;
  created_at: string;
}

export interface Database {
  areas: AreaTable;
  factors: FactorTable;
  users: UserTable;
  user_roles: UserRoleTable;
  login_codes: LoginCodeTable;
  applications: ApplicationTable;
  conflicts_of_interest: ConflictOfInterestTable;
  review_judgements: ReviewJudgementTable;
  review_notes: ReviewNoteTable;
  application_decisions: ApplicationDecisionTable;
  application_messages: ApplicationMessageTable;
  application_factors: ApplicationFactorTable;
  application_cost_lines: CostLineTable;
  drafts: DraftTable;
  reference_counters: ReferenceCounterTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  sessions: SessionTable;
  rate_limit_events: RateLimitEventTable;
  rate_limit_keys: RateLimitKeyTable;
  funders: FunderTable;
  pots: PotTable;
  pot_end_changes: PotEndChangeTable;
  ledger_entries: LedgerEntryTable;
  in_kind_contributions: InKindContributionTable;
  bank_accounts: BankAccountTable;
}
