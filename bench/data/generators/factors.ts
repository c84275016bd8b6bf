// The protective factors: the demo's list, the same on every generated data set.
import { FACTORS } from "../../../db/seed";
import type { TableGenerator } from "../context";
import { insertRows } from "../insert";

export const factors: TableGenerator = {
  name: "factors",
  tables: ["factors"],
  async run(ctx) {
    ctx.factorIds = FACTORS.map((f) => f.id);
    return { factors: await insertRows(ctx.db, "factors", FACTORS.map((f, i) => ({ ...f, sort_order: i, active: 1 }))) };
  },
};
