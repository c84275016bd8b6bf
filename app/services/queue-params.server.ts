// The queue's filters from the address (GET form, shareable links): read through zod like every
// other query parameter (decision 042). A value that cannot be one of the choices is dropped, so
// a hand-edited or hostile address shows the queue unfiltered on that point, never an error.
import { z } from "zod";
import { APPLICATION_STATUSES, type ApplicationStatus } from "~/domain/lifecycle";
import type { QueueFilters } from "~/models/queue.server";
import { pageNumber, parseSearchParams } from "./search-params.server";

/** Longest search text taken: a reference or a few words of a title, not a document. */
export const MAX_QUEUE_TEXT = 100;

const choice = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .enum(values)
    .optional()
    .catch(undefined)
    .transform((v) => v ?? null);

// Area and factor ids are short slugs; anything else cannot match one.
const slug = () =>
  z
    .string()
    .optional()
    .transform((v) => (v !== undefined && /^[a-z0-9-]{1,64}$/.test(v) ? v : null));

const text = () =>
  z
    .string()
    .optional()
    .transform((v) => {
      // Control characters never belong in a search; a long paste is cut, not refused.
      const cleaned = (v ?? "")
        .replace(/\p{Cc}/gu, " ")
        .trim()
        .slice(0, MAX_QUEUE_TEXT);
      return cleaned === "" ? null : cleaned;
    });

const SHAPE = {
  wijk: slug(),
  factor: slug(),
  toegewezen: choice(["mijn", "niemand"]),
  laat: choice(["ja"]),
  zoek: text(),
  volgorde: choice(["oudste", "nieuwste"]),
  pagina: pageNumber(),
};

const STATUS = z.enum(APPLICATION_STATUSES);

export function queueFilters(request: Request): QueueFilters {
  const p = parseSearchParams(request, SHAPE);
  const statuses = new Set<ApplicationStatus>();
  for (const value of new URL(request.url).searchParams.getAll("status").slice(0, APPLICATION_STATUSES.length * 2)) {
    const parsed = STATUS.safeParse(value);
    if (parsed.success) statuses.add(parsed.data);
  }
  return {
    statuses: [...statuses],
    areaId: p.wijk,
    factorId: p.factor,
    assigned: p.toegewezen === "mijn" ? "mine" : p.toegewezen === "niemand" ? "nobody" : null,
    late: p.laat === "ja",
    text: p.zoek,
    order: p.volgorde === "oudste" ? "oldest" : "newest",
    page: p.pagina,
  };
}
