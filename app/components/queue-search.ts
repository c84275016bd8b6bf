// The queue's address for a set of filters (counts, paging, sharing), in one order; the names are
// the ones services/queue-params.server.ts reads.
import type { QueueFilters } from "~/models/queue.server";

/** The address of the queue with these filters (for counts, paging and the form's reset), in one order. */
export function queueSearch(f: Omit<QueueFilters, "page"> & { page?: number }): string {
  const params = new URLSearchParams();
  for (const s of f.statuses) params.append("status", s);
  if (f.areaId) params.set("wijk", f.areaId);
  if (f.factorId) params.set("factor", f.factorId);
  if (f.assigned) params.set("toegewezen", f.assigned === "mine" ? "mijn" : "niemand");
  if (f.late) params.set("laat", "ja");
  if (f.text) params.set("zoek", f.text);
  if (f.order === "oldest") params.set("volgorde", "oudste");
  if (f.page && f.page > 1) params.set("pagina", String(f.page));
  const s = params.toString();
  return s === "" ? "" : `?${s}`;
}
