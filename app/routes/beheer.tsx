// The bureau's layout: every /beheer/* page renders inside it, with the bureau's menu, a breadcrumb
// and the one-time notice an action left (services/notice.server.ts). Its loader decides only what
// the frame shows (the menu holds what this person may open); it guards nothing: every child's
// loader and action still checks its own permission, since loaders run side by side and a child
// can be fetched on its own (?_data=…). Its error page keeps the menu.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, Outlet, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { actorOf, requirePermission } from "~/services/auth.server";
import { takeNotice } from "~/services/notice.server";
import { can, type Action } from "~/domain/permissions";
import { BureauFrame, type BureauMenuItem } from "~/components/bureau-frame";
import { ErrorMessage } from "~/components/error-page";
import { ConflictMessage, conflictOf } from "~/components/conflict-message";

/** The bureau's menu: a page appears for those allowed the permission its loader checks. */
const MENU: (BureauMenuItem & { permission: Action })[] = [
  { to: "/beheer/aanvragen", label: "bureauLayout.menu.applications", permission: "application.view_any" },
  { to: "/beheer/geld", label: "budget.menu", permission: "budget.view" },
  { to: "/beheer/mail", label: "bureauLayout.menu.mail", permission: "outbox.manage" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "bureau.access");
  const actor = actorOf(user);
  const menu = MENU.filter((item) => can(actor, item.permission).allowed).map(({ to, label }) => ({ to, label }));
  return { menu, notice: await takeNotice(request) };
}

export type BureauLayoutData = Awaited<ReturnType<typeof loader>>;

export default function BureauLayout() {
  const { menu, notice } = useLoaderData<typeof loader>();
  return (
    <BureauFrame menu={menu} notice={notice}>
      <Outlet />
    </BureauFrame>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  // Present when a page inside the bureau failed; absent when the layout itself refused (not
  // signed in as staff): then there is no menu to show either.
  const layout = useRouteLoaderData<typeof loader>("routes/beheer");
  const traceId = (useRouteLoaderData("root") as { traceId?: string } | undefined)?.traceId;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!layout) return <ErrorMessage status={status} traceId={traceId} />;
  const list = layout.menu.some((item) => item.to === "/beheer/aanvragen");
  // A declared conflict of interest closes an application's page: say why (routes/beheer.aanvragen.$reference.tsx).
  const conflict = status === 403 && isRouteErrorResponse(error) ? conflictOf(error.data) : undefined;
  if (conflict !== undefined) {
    return (
      <BureauFrame menu={layout.menu} trail={false}>
        <ConflictMessage kind={conflict} />
      </BureauFrame>
    );
  }
  return (
    <BureauFrame menu={layout.menu} trail={false}>
      <ErrorMessage status={status} traceId={traceId} back={list ? { to: "/beheer/aanvragen", label: "bureauLayout.error.back" } : undefined} />
    </BureauFrame>
  );
}
