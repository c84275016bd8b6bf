// Looks a key up in the catalogue and fills in {placeholders}. Shared by server and browser.
import { catalogue, type MessageKey } from "./catalogue";

export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isLocale(value: unknown): value is Locale {
  return value === "nl" || value === "en";
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template: string = catalogue[locale][key] ?? catalogue.nl[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
