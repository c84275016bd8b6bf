// The frame of every bureau page: the bureau's own menu, the breadcrumb and a one-time notice
// around the page. Used by routes/beheer.tsx for its pages and for its error page alike, so an
// error keeps the menu. A page adds its breadcrumb step with `handle` (see BureauHandle).
import type { ReactNode } from "react";
import { Link, NavLink, useMatches, type Params } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalogue";
import { useT } from "~/i18n/use-t";
import { FlashNotice } from "./flash-notice";

export type BureauMenuItem = { to: string; label: MessageKey };

/** A step in the breadcrumb: catalogue words, or a text such as a reference number. */
export type Crumb = { to: string } & ({ label: MessageKey } | { text: string });
/**
 * A bureau page's `export const handle`: its steps after "Programmabureau", its own last. Routes
 * are flat files, not nested, so a page names the steps above it too (the detail page: the list, then itself).
 */
export type BureauHandle = { crumbs: (params: Params) => Crumb[] };

/** Steps more than one page names. */
export const CRUMBS = {
  applications: { to: "/beheer/aanvragen", label: "bureauLayout.menu.applications" },
  mail: { to: "/beheer/mail", label: "bureauLayout.menu.mail" },
  budget: { to: "/beheer/geld", label: "budget.menu" },
} as const satisfies Record<string, Crumb>;

function isBureauHandle(handle: unknown): handle is BureauHandle {
  return typeof handle === "object" && handle !== null && typeof (handle as BureauHandle).crumbs === "function";
}

function Breadcrumb({ trail }: { trail: boolean }) {
  const t = useT();
  const matches = useMatches();
  const steps = trail ? matches.flatMap((m) => (isBureauHandle(m.handle) ? m.handle.crumbs(m.params) : [])) : [];
  const crumbs: Crumb[] = [{ to: "/beheer", label: "bureauLayout.name" }, ...steps];
  return (
    <nav aria-label={t("bureauLayout.breadcrumb")} className="breadcrumb">
      <ol>
        {crumbs.map((crumb, i) => {
          const words = "label" in crumb ? t(crumb.label) : crumb.text;
          const last = i === crumbs.length - 1;
          return <li key={crumb.to}>{last ? <span aria-current="page">{words}</span> : <Link to={crumb.to}>{words}</Link>}</li>;
        })}
      </ol>
    </nav>
  );
}

/** `trail: false` on an error page: the page that failed (say an unknown reference) gets no step. */
export function BureauFrame({
  menu,
  notice,
  trail = true,
  children,
}: {
  menu: BureauMenuItem[];
  notice?: MessageKey | null;
  trail?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="bureau">
      {menu.length > 0 ? (
        <nav aria-label={t("bureauLayout.menu")} className="bureau-menu">
          <ul>
            {menu.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} prefetch="intent">
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Breadcrumb trail={trail} />
      <FlashNotice notice={notice} />
      {children}
    </div>
  );
}
