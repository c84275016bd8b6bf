// The last reference number of each year, so the next real submission continues the series.
import type { TableGenerator } from "../context";
import { insertRows } from "../insert";

export const referenceCounters: TableGenerator = {
  name: "reference-counters",
  tables: ["reference_counters"],
  async run(ctx) {
    const rows = [...ctx.referenceCounters].sort(([a], [b]) => a - b).map(([year, last_number]) => ({ year, last_number }));
    return { reference_counters: await insertRows(ctx.db, "reference_counters", rows) };
  },
};
