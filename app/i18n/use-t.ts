// Components read their words through this hook; the locale comes from the root loader.
import { useRouteLoaderData } from "@remix-run/react";
import { translator, type Locale, type Translate } from "./translate";

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return data?.locale ?? "nl";
}

export function useT(): Translate {
  return translator(useLocale());
}
