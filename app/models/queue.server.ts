// The bureau's work queue (/beheer/aanvragen, issue 15): one page of applications under the
// filters from the address, the counts per status and the number that are late. Built to stay
// fast at 100,000 applications on both engines (decision 132): a page's keys are found in an
// index in the list's order (migrations 0008 and 0012), and "late" is a range condition on the
// stored clock start (domain/workdays onTimeSince), never a walk through the audit log.
// Like every read model it carries only what the page shows: no ids, no contact data.
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from "kysely";
import type { DB } from "~/services/db.server";
import type { Database } from "../../db/schema";
import { engineOf } from "../../db/engine";
import { APPLICATION_STATUSES, AWAITING_BUREAU, FINAL_STATUSES, answerDue, answerReceived, type ApplicationStatus } from "~/domain/lifecycle";
import { onTimeSince, workingDaysAge } from "~/domain/workdays";
import type { ConflictKind } from "~/domain/review";
import type { Locale } from "~/i18n/translate";

export type QueueOrder = "newest" | "oldest";
export type QueueAssigned = "mine" | "nobody";

export type QueueFilters = {
  /** Empty: every status. */
  statuses: readonly ApplicationStatus[];
  areaId: string | null;
  factorId: string | null;
  assigned: QueueAssigned | null;
  /** Only applications the bureau owes an answer and has not given within the target. */
  late: boolean;
  /** Part of the reference or the title. */
  text: string | null;
  order: QueueOrder;
  page: number;
};

export type QueueRow = {
  reference: string;
  title: string;
  status: ApplicationStatus;
  areaName: string;
  requestedCents: number;
  submittedAt: string;
  assignedName: string | null;
  /** Full working days since the clock (re)started, while the bureau owes an answer. */
  waitedWorkingDays: number | null;
  due: string | null;
  late: boolean;
  /** Back after a question: the resident answered and the bureau has not taken it up again. */
  answerReceived: boolean;
  /** The signed-in reviewer declared a conflict of interest: the queue says why it cannot be opened. */
  conflict: ConflictKind | "declared" | null;
};

export type Queue = {
  rows: QueueRow[];
  /** Found under the filters; a free-text search stops counting at TEXT_COUNT_CAP (then `capped`). */
  total: number;
  capped: boolean;
  page: number;
  pages: number;
  /** Every application, whatever the filters. */
  allCount: number;
  /** Per open status (not draft, not final): the work. Final ones are many and found through the form. */
  countsByStatus: Partial<Record<ApplicationStatus, number>>;
  lateCount: number;
};

/** The statuses counted at the top: from received until the file is closed. */
const COUNTED_STATUSES = APPLICATION_STATUSES.filter((s) => s !== "draft" && !FINAL_STATUSES.includes(s));

export type QueueContext = {
  userId: string;
  now: Date;
  targetWorkingDays: number;
  pageSize: number;
  /** TEXT_COUNT_CAP unless a test sets it. */
  textCountCap?: number;
};

const REFERENCE = /^IF-\d{4}-\d{4,}$/i;

/**
 * A substring search reads the table row by row (no B-tree index helps): its count stops here,
 * so a common word costs a part of the table, and the page asks for a more precise search.
 */
export const TEXT_COUNT_CAP = 1000;

type Builder = SelectQueryBuilder<Database, "applications", object>;

/** A LIKE pattern that finds `text` literally: %, _ and the escape character lose their meaning. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function lateCondition(eb: ExpressionBuilder<Database, "applications">, since: string) {
  return eb.and([eb("status", "in", [...AWAITING_BUREAU]), eb("answer_clock_started_at", "<", since)]);
}

function filtered(db: DB, f: QueueFilters, ctx: QueueContext, since: string): Builder {
  let q: Builder = db.selectFrom("applications");
  if (f.statuses.length > 0) q = q.where("status", "in", [...f.statuses]);
  if (f.areaId) q = q.where("area_id", "=", f.areaId);
  if (f.factorId) {
    const factorId = f.factorId;
    // EXISTS probes the factor table's key per candidate, instead of first listing every
    // application with that factor (a third of them) as IN (…) would.
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("application_factors as af")
          .select("af.factor_id")
          .whereRef("af.application_id", "=", "applications.id")
          .where("af.factor_id", "=", factorId),
      ),
    );
  }
  if (f.assigned === "mine") q = q.where("assigned_user_id", "=", ctx.userId);
  if (f.assigned === "nobody") q = q.where("assigned_user_id", "is", null);
  if (f.late) q = q.where((eb) => lateCondition(eb, since));
  if (f.text && REFERENCE.test(f.text)) {
    // A whole reference is looked up in its unique index, not matched against every row.
    q = q.where("reference", "=", f.text.toUpperCase());
  } else if (f.text) {
    const pattern = likePattern(f.text);
    // SQLite's LIKE ignores case already (ASCII); PostgreSQL needs ILIKE for the same answer.
    const like = engineOf(db) === "postgres" ? sql`ilike` : sql`like`;
    q = q.where((eb) => sql<boolean>`(${eb.ref("reference")} ${like} ${pattern} escape '\\' or ${eb.ref("title")} ${like} ${pattern} escape '\\')`);
  }
  return q;
}

export async function listQueue(db: DB, f: QueueFilters, ctx: QueueContext): Promise<Queue> {
  const since = onTimeSince(ctx.now, ctx.targetWorkingDays).toISOString();
  const substring = f.text !== null && !REFERENCE.test(f.text);
  const cap = substring ? (ctx.textCountCap ?? TEXT_COUNT_CAP) : Infinity;
  const [counted, all, byStatus, late] = await Promise.all([
    substring
      ? db
          .selectFrom(
            filtered(db, f, ctx, since)
              .select("id")
              .limit(cap + 1)
              .as("found"),
          )
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      : filtered(db, f, ctx, since)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow(),
    db
      .selectFrom("applications")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    // A range of the status index (the open tenth of the applications), not all of it.
    db
      .selectFrom("applications")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("status", "in", COUNTED_STATUSES)
      .groupBy("status")
      .execute(),
    db
      .selectFrom("applications")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where((eb) => lateCondition(eb, since))
      .executeTakeFirstOrThrow(),
  ]);
  const capped = Number(counted.n) > cap;
  const total = Math.min(Number(counted.n), cap);
  const pages = Math.max(1, Math.ceil(total / ctx.pageSize));
  const page = Math.min(Math.max(1, Math.trunc(f.page)), pages);
  const rows = total === 0 ? [] : await pageRows(db, f, ctx, since, capped ? null : total, page);
  return {
    rows,
    total,
    capped,
    page,
    pages,
    allCount: Number(all.n),
    countsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
    lateCount: Number(late.n),
  };
}

/**
 * One page: its references from the filtered index in the list's order (a page in the far half
 * counted from the other end, as the plain list does), then those rows with their names.
 */
async function pageRows(db: DB, f: QueueFilters, ctx: QueueContext, since: string, total: number | null, page: number): Promise<QueueRow[]> {
  const offset = (page - 1) * ctx.pageSize;
  const forward = f.order === "newest" ? "desc" : "asc";
  const backward = f.order === "newest" ? "asc" : "desc";
  // Only an exact total says where the other end is.
  const fromEnd = total !== null && offset * 2 > total;
  const limit = fromEnd ? Math.max(0, Math.min(ctx.pageSize, total - offset)) : ctx.pageSize;
  const direction = fromEnd ? backward : forward;
  const keys = filtered(db, f, ctx, since)
    .select("reference")
    .orderBy("submitted_at", direction)
    .orderBy("reference", direction)
    .limit(limit)
    .offset(fromEnd ? Math.max(0, total - offset - limit) : offset);
  const found = await db
    .selectFrom("applications as a")
    .innerJoin("areas as ar", "ar.id", "a.area_id")
    .leftJoin("users as u", "u.id", "a.assigned_user_id")
    .leftJoin("conflicts_of_interest as c", (join) => join.onRef("c.application_id", "=", "a.id").on("c.user_id", "=", ctx.userId))
    .select([
      "a.reference",
      "a.title",
      "a.status",
      "ar.name as areaName",
      "a.requested_cents as requestedCents",
      "a.submitted_at as submittedAt",
      "a.answer_clock_started_at as clockStartedAt",
      "u.name as assignedName",
      "c.user_id as conflictUser",
      "c.kind as conflictKind",
    ])
    .where("a.reference", "in", keys)
    .orderBy("a.submitted_at", forward)
    .orderBy("a.reference", forward)
    .execute();
  return found.map(({ clockStartedAt, conflictUser, conflictKind, ...row }) => {
    const clock = new Date(clockStartedAt ?? row.submittedAt);
    const due = answerDue({ status: row.status, clockStartedAt: clock, now: ctx.now, targetWorkingDays: ctx.targetWorkingDays });
    return {
      ...row,
      waitedWorkingDays: due ? workingDaysAge(clock, ctx.now) : null,
      due: due?.due ?? null,
      late: due?.overdue ?? false,
      answerReceived: answerReceived({ status: row.status, submittedAt: row.submittedAt, clockStartedAt }),
      conflict: conflictUser === null ? null : (conflictKind ?? "declared"),
    };
  });
}

/** The choices of the queue's filter form: areas (wijken, then buurten) and protective factors. */
export async function queueFilterOptions(db: DB, locale: Locale) {
  const [areas, factors] = await Promise.all([
    db.selectFrom("areas").select(["id", "name", "kind"]).orderBy("kind", "desc").orderBy("sort_order").orderBy("name").execute(),
    db
      .selectFrom("factors")
      .select(["id", locale === "en" ? "name_en as name" : "name_nl as name"])
      .where("active", "=", 1)
      .orderBy("sort_order")
      .execute(),
  ]);
  return { areas, factors };
}
