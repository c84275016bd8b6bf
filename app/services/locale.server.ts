// The reader's language: Dutch unless they chose English with the language link (a cookie).
import { createCookie } from "@remix-run/node";
import { isLocale, translator, type Locale, type Translate } from "~/i18n/translate";

export const localeCookie = createCookie("lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

export async function getLocale(request: Request): Promise<Locale> {
  const value: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(value) ? value : "nl";
}

export async function getTranslator(request: Request): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale(request);
  return { locale, t: translator(locale) };
}
