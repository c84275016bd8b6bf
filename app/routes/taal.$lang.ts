// The visible language link: remembers the choice in a cookie and returns to the same page.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n/translate";
import { localeCookie } from "~/services/locale.server";
import { safeRedirectPath } from "~/services/redirect.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isLocale(params.lang)) throw new Response("Not Found", { status: 404 });
  const back = safeRedirectPath(new URL(request.url).searchParams.get("terug"));
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(params.lang) } });
}
