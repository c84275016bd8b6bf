// /beheer itself has no page of its own: it opens the first bureau page this person may see.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { actorOf, requirePermission } from "~/services/auth.server";
import { can } from "~/domain/permissions";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "bureau.access");
  const actor = actorOf(user);
  if (can(actor, "application.view_any").allowed) throw redirect("/beheer/aanvragen");
  if (can(actor, "outbox.manage").allowed) throw redirect("/beheer/mail");
  throw new Response("Forbidden", { status: 403 });
}
