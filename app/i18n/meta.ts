// Page titles come from the catalogue too, in the reader's language (from the root loader).
import type { MetaFunction } from "@remix-run/node";
import type { MessageKey } from "./catalogue";
import { isLocale, translate } from "./translate";

export function pageTitle(key: MessageKey, extra: { noindex?: boolean } = {}): MetaFunction {
  return ({ matches }) => {
    const data = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
    const locale = isLocale(data?.locale) ? data.locale : "nl";
    const title = `${translate(locale, key)} – ${translate(locale, "app.name")}`;
    return [{ title }, ...(extra.noindex ? [{ name: "robots", content: "noindex" }] : [])];
  };
}
