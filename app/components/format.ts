// Dates as residents read them: "14 maart 2027", in Amsterdam time.
// Making an Intl.DateTimeFormat costs far more than using one (the bureau's list formats two
// dates per row), so each locale's formatter is made once and kept.
import type { Locale } from "~/i18n/translate";

const tag = (locale: Locale) => (locale === "en" ? "en-GB" : "nl-NL");

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

function kept(cache: Map<Locale, Intl.DateTimeFormat>, locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(locale);
  if (!format) cache.set(locale, (format = new Intl.DateTimeFormat(tag(locale), options)));
  return format;
}

export function formatDate(isoDate: string, locale: Locale): string {
  return kept(dateFormats, locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

export function formatDateTime(iso: string, locale: Locale): string {
  return kept(dateTimeFormats, locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(iso));
}
