// Axe in the browser (WCAG 2.2 AA), shared by every spec that checks a page's accessibility.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "./fixtures";

/** Soft: one page's violations do not hide the next page's. */
export async function expectNoViolations(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
  expect.soft(summary, `axe on ${what}`).toEqual([]);
}
