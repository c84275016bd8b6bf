// Twenty focus areas, each with its wijken and buurten (3–5 wijken, 4–8 buurten). The first is
// Roosendaal with the demo's own areas, so ids the demo and the tests know exist here too. About
// one buurt in ten lies outside the focus area (an approval there needs an override reason).
import { AREAS } from "../../../db/seed";
import type { GeneratedArea, TableGenerator } from "../context";
import { insertRows } from "../insert";
import { FOCUS_AREAS, PLACE_PARTS } from "../words";

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export const areas: TableGenerator = {
  name: "areas",
  tables: ["areas"],
  async run(ctx) {
    const rng = ctx.rng("areas");
    const made: GeneratedArea[] = [];
    FOCUS_AREAS.forEach((focus, index) => {
      if (index === 0) {
        for (const a of AREAS) made.push({ id: a.id, name: a.name, kind: a.kind, inFocus: true, focusArea: index });
        return;
      }
      const used = new Set<string>();
      const place = () => {
        for (;;) {
          const name = rng.pick(PLACE_PARTS.start) + rng.pick(PLACE_PARTS.end);
          if (!used.has(name)) return used.add(name), name;
        }
      };
      const add = (kind: "wijk" | "buurt", inFocus: boolean) => {
        const name = `${place()} (${focus})`;
        made.push({ id: `${slug(focus)}-${slug(name.split(" (")[0]!)}`, name, kind, inFocus, focusArea: index });
      };
      for (let w = rng.int(3, 5); w > 0; w--) add("wijk", true);
      for (let b = rng.int(4, 8); b > 0; b--) add("buurt", !rng.chance(0.1));
    });
    ctx.areas = made;
    const n = await insertRows(
      ctx.db,
      "areas",
      made.map((a, i) => ({ id: a.id, name: a.name, kind: a.kind, in_focus: a.inFocus ? 1 : 0, sort_order: i })),
    );
    return { areas: n };
  },
};
