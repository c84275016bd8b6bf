// A wide table on a narrow screen scrolls sideways inside this box. A keyboard user must be able
// to scroll it too (WCAG 2.1.1; axe "scrollable-region-focusable"), so the box takes focus and is a
// named region, which is what makes a tabindex on it meaningful.
import type { ReactNode } from "react";

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above: a scrollable region must be reachable by keyboard
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
