// Read models: what each page shows of an application, and nothing more. A loader's data is
// serialised into the page (window.__remixContext) whatever the component renders, so a page
// gets a view without internal ids (application id, user ids), hashes, or contact data it does
// not show. The full record stays inside the models.
import type { DB } from "~/services/db.server";
import type { Locale } from "~/i18n/translate";
import { normaliseEmail, type User } from "./users.server";
import { writeAudit, type AuditAction, type AuditDetails } from "./audit.server";
import { parseJson } from "../../db/json";
import type { OverrideRule } from "~/domain/lifecycle";
import type { ConflictKind, HelpKind } from "~/domain/review";
import type { FoundVia } from "~/forms/application-schema";
import { hashToken } from "~/services/tokens.server";
import { closedSince, statusLinkExpired } from "~/domain/status-link";
import type { ApplicationStatus } from "~/domain/lifecycle";
import { residentDecision, type ResidentDecision } from "./decisions.server";
import { applicantChangesOf, type ApplicantChange } from "./applicant-changes.server";

/** The facts of an application that its applicant and the bureau both read. */
export type ApplicationFacts = {
  reference: string;
  title: string;
  status: ApplicationStatus;
  submittedAt: string;
  areaName: string;
  factors: string[];
  description: string;
  activityDate: string;
  participants: number;
  requestedCents: number;
  costLines: { description: string; cents: number }[];
  publicConsent: boolean;
  /** The optional questions: help besides money (empty when none asked), how they came to the fund. */
  helpWanted: HelpKind[];
  foundVia: FoundVia | null;
  foundViaOther: string | null;
};

/** Who applied and how to reach them: only on pages that show it. */
export type ApplicationContact = { name: string; email: string | null; phone: string | null; submittedByName: string | null };

/** The decision as the resident reads it (on their page and the status link), once there is one. */
export type ApplicationView = ApplicationFacts & { contact: ApplicationContact | null; decision: ResidentDecision | null };

// ---------------------------------------------------------------------------------------------
// The full record, for models and tests. Never return it from a loader: use a view below.

export type ApplicationDetail = {
  id: string;
  reference: string;
  title: string;
  status: ApplicationStatus;
  areaName: string;
  requestedCents: number;
  submittedAt: string;
  updatedAt: string;
  closedAt: string | null;
  applicantName: string;
  onBehalf: boolean;
  description: string;
  activityDate: string;
  participants: number;
  publicConsent: boolean;
  applicantEmail: string | null;
  applicantPhone: string | null;
  ownerUserIds: (string | null)[];
  submittedByName: string | null;
  factors: { id: string; name: string }[];
  costLines: { description: string; cents: number }[];
  helpWanted: HelpKind[];
  foundVia: FoundVia | null;
  foundViaOther: string | null;
};

async function detailWhere(db: DB, column: "a.reference" | "a.status_token_hash", value: string, locale: Locale): Promise<ApplicationDetail | null> {
  const row = await db
    .selectFrom("applications as a")
    .innerJoin("areas as ar", "ar.id", "a.area_id")
    .leftJoin("users as s", "s.id", "a.submitted_by_user_id")
    .select([
      "a.id",
      "a.reference",
      "a.title",
      "a.status",
      "ar.name as areaName",
      "a.requested_cents as requestedCents",
      "a.submitted_at as submittedAt",
      "a.updated_at as updatedAt",
      "a.closed_at as closedAt",
      "a.applicant_name as applicantName",
      "a.submitted_by_user_id as submittedBy",
      "a.applicant_email as applicantEmail",
      "a.applicant_phone as applicantPhone",
      "a.applicant_user_id as applicantUserId",
      "s.name as submittedByName",
      "a.description",
      "a.activity_date as activityDate",
      "a.expected_participants as participants",
      "a.public_consent as publicConsent",
      "a.help_wanted_json as helpWantedJson",
      "a.found_via as foundVia",
      "a.found_via_other as foundViaOther",
    ])
    .where(column, "=", value)
    .executeTakeFirst();
  if (!row) return null;
  const [factors, costLines] = await Promise.all([
    db
      .selectFrom("application_factors as af")
      .innerJoin("factors as f", "f.id", "af.factor_id")
      .select(["f.id", locale === "en" ? "f.name_en as name" : "f.name_nl as name"])
      .where("af.application_id", "=", row.id)
      .orderBy("f.sort_order")
      .execute(),
    db.selectFrom("application_cost_lines").select(["description", "cents"]).where("application_id", "=", row.id).orderBy("position").execute(),
  ]);
  const { applicantUserId, submittedBy, helpWantedJson, ...rest } = row;
  return {
    ...rest,
    helpWanted: helpWantedJson ? parseJson(helpWantedJson) : [],
    onBehalf: submittedBy !== null,
    publicConsent: row.publicConsent === 1,
    ownerUserIds: [applicantUserId, submittedBy],
    factors,
    costLines,
  };
}

export function getApplicationByReference(db: DB, reference: string, locale: Locale) {
  return detailWhere(db, "a.reference", reference, locale);
}

export function getApplicationByStatusToken(db: DB, token: string, locale: Locale) {
  return detailWhere(db, "a.status_token_hash", hashToken(token), locale);
}

// ---------------------------------------------------------------------------------------------
// Views, one per kind of page.

/** A decision the resident may read: not while a second reviewer still has to look. */
async function decisionFor(db: DB, d: ApplicationDetail): Promise<ResidentDecision | null> {
  return d.status === "awaiting_second_review" ? null : residentDecision(db, d.id, d.status);
}

function toView(d: ApplicationDetail, withContact: boolean, decision: ResidentDecision | null = null): ApplicationView {
  return {
    reference: d.reference,
    title: d.title,
    status: d.status,
    submittedAt: d.submittedAt,
    areaName: d.areaName,
    factors: d.factors.map((f) => f.name),
    description: d.description,
    activityDate: d.activityDate,
    participants: d.participants,
    requestedCents: d.requestedCents,
    costLines: d.costLines.map((l) => ({ description: l.description, cents: l.cents })),
    publicConsent: d.publicConsent,
    helpWanted: d.helpWanted,
    foundVia: d.foundVia,
    foundViaOther: d.foundViaOther,
    contact: withContact ? { name: d.applicantName, email: d.applicantEmail, phone: d.applicantPhone, submittedByName: d.submittedByName } : null,
    decision,
  };
}

export type StatusPageResult = { kind: "found"; application: ApplicationView } | { kind: "expired" } | { kind: "unknown" };

/** The status page behind the link in the confirmation mail: no contact data, no ids; ends a set time after closing. */
export async function statusPageView(db: DB, token: string, locale: Locale, opts: { now: Date; monthsAfterClose: number }): Promise<StatusPageResult> {
  // A status token is 32 random bytes in base64url; anything else cannot match, so skip the lookup.
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { kind: "unknown" };
  const detail = await getApplicationByStatusToken(db, token, locale);
  if (!detail) return { kind: "unknown" };
  const closedAt = closedSince({ status: detail.status, closedAt: detail.closedAt, updatedAt: detail.updatedAt });
  if (statusLinkExpired(closedAt, opts.now, opts.monthsAfterClose)) return { kind: "expired" };
  return { kind: "found", application: toView(detail, false, await decisionFor(db, detail)) };
}

/**
 * One application for "Mijn aanvragen": the view, and separately who owns it for the route's
 * permission check (the ids never go into the page). Contact data only when a supporter applied
 * on someone's behalf, which is when the page shows it.
 */
/**
 * One application on the resident's own page. The owners for the permission check count the
 * signed-in user when the application carries their (proven) address.
 */
export async function ownApplicationView(
  db: DB,
  reference: string,
  locale: Locale,
  user: Pick<User, "id" | "email">,
): Promise<{ ownerUserIds: (string | null)[]; application: ApplicationView } | null> {
  const detail = await getApplicationByReference(db, reference, locale);
  if (!detail) return null;
  const byAddress = detail.applicantEmail !== null && detail.applicantEmail === normaliseEmail(user.email);
  return {
    ownerUserIds: byAddress ? [...detail.ownerUserIds, user.id] : detail.ownerUserIds,
    application: toView(detail, detail.onBehalf, await decisionFor(db, detail)),
  };
}

/** Audit actions that record a look, not a change: left out of the history shown on the page. */
const VIEW_ACTIONS: AuditAction[] = ["personal_data.viewed"];

/**
 * The bureau's page of one application, with the resident's contact data. Opening it is written
 * to the audit log (who, when, which application), as privacy law asks of access to personal data.
 * The route has already checked the permission.
 */
export async function openApplicationForStaff(
  db: DB,
  reference: string,
  locale: Locale,
  ctx: { user: User; now: Date },
): Promise<{ application: ApplicationView; history: HistoryEntry[] } | null> {
  const detail = await getApplicationByReference(db, reference, locale);
  if (!detail) return null;
  await db.transaction().execute((trx) =>
    writeAudit(trx, {
      at: ctx.now.toISOString(),
      actor: { userId: ctx.user.id, label: ctx.user.email },
      action: "personal_data.viewed",
      entityType: "application",
      entityId: detail.id,
      after: { reference: detail.reference, page: "bureau.application" },
    }),
  );
  const entries = await db
    .selectFrom("audit_log")
    .select(["id", "at", "actor_label as actor", "action", "before_json", "after_json"])
    .where("entity_type", "=", "application")
    .where("entity_id", "=", detail.id)
    .where("action", "not in", VIEW_ACTIONS)
    .orderBy("id", "asc")
    .execute();
  const history = entries.map(({ before_json, after_json, ...entry }) => ({
    ...entry,
    ...historyDetails(after_json ? parseJson(after_json) : null),
    ...applicantChangesOf(entry.action, before_json ? parseJson(before_json) : null, after_json ? parseJson(after_json) : null),
  }));
  return { application: toView(detail, true), history };
}

/** One line of the bureau's history: what happened, and the words written with it (never ids). */
export type HistoryEntry = {
  id: number;
  at: string;
  actor: string;
  action: string;
  reason?: string;
  override?: { rules: OverrideRule[]; reason: string };
  note?: string;
  conflictKind?: ConflictKind;
  assignedTo?: string;
  /** What the applicant changed with an answer (questions.server.ts), before and after. */
  changed?: ApplicantChange[];
};

function historyDetails(after: AuditDetails | null): Omit<HistoryEntry, "id" | "at" | "actor" | "action"> {
  if (!after) return {};
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  const override = after.override as { rules?: unknown; reason?: unknown } | undefined;
  return Object.fromEntries(
    Object.entries({
      reason: text(after.reason),
      note: text(after.note),
      conflictKind: text(after.kind) as ConflictKind | undefined,
      assignedTo: text(after.assignedTo),
      override:
        override && Array.isArray(override.rules) && typeof override.reason === "string"
          ? { rules: override.rules as OverrideRule[], reason: override.reason }
          : undefined,
    }).filter(([, v]) => v !== undefined),
  );
}

// ---------------------------------------------------------------------------------------------
// Lists.

export type ApplicationRow = {
  reference: string;
  title: string;
  status: ApplicationStatus;
  areaName: string;
  requestedCents: number;
  submittedAt: string;
};

function rows(db: DB) {
  return db
    .selectFrom("applications as a")
    .innerJoin("areas as ar", "ar.id", "a.area_id")
    .select(["a.reference", "a.title", "a.status", "ar.name as areaName", "a.requested_cents as requestedCents", "a.submitted_at as submittedAt"])
    .orderBy("a.submitted_at", "desc")
    .orderBy("a.reference", "desc");
}

/**
 * "Mijn aanvragen": sent with my address (signed in, so proven) or linked to me, and those I filled
 * in for others as a supporter (with the resident's name).
 */
export async function listApplicationsOfUser(db: DB, user: Pick<User, "id" | "email">): Promise<(ApplicationRow & { onBehalfOf: string | null })[]> {
  const found = await rows(db)
    .select(["a.applicant_name as applicantName", "a.submitted_by_user_id as submittedBy"])
    .where((eb) =>
      eb.or([eb("a.applicant_user_id", "=", user.id), eb("a.applicant_email", "=", normaliseEmail(user.email)), eb("a.submitted_by_user_id", "=", user.id)]),
    )
    .execute();
  return found.map(({ applicantName, submittedBy, ...row }) => ({ ...row, onBehalfOf: submittedBy !== null ? applicantName : null }));
}

/** The bureau's list, one page; a page number past the end shows the last page. */
export async function listAllApplications(
  db: DB,
  opts: { page: number; pageSize: number },
): Promise<{ rows: ApplicationRow[]; total: number; page: number; pages: number }> {
  const counted = await db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const pages = Math.max(1, Math.ceil(total / opts.pageSize));
  const page = Math.min(Math.max(1, Math.trunc(opts.page)), pages);
  const found = await rows(db)
    .where("a.reference", "in", pageKeys(db, total, (page - 1) * opts.pageSize, opts.pageSize))
    .execute();
  return { rows: found, total, page, pages };
}

/**
 * The references on one page of the list, found in the list's index alone (migration 0008), so
 * skipping to a far page steps over index entries, not over table rows. A page in the second
 * half is counted from the oldest end, so the last page costs what the first does.
 */
function pageKeys(db: DB, total: number, offset: number, size: number) {
  const keys = db.selectFrom("applications").select("reference");
  if (offset * 2 <= total) return keys.orderBy("submitted_at", "desc").orderBy("reference", "desc").limit(size).offset(offset);
  const limit = Math.max(0, Math.min(size, total - offset));
  return keys
    .orderBy("submitted_at", "asc")
    .orderBy("reference", "asc")
    .limit(limit)
    .offset(Math.max(0, total - offset - limit));
}
