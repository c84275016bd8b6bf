// A small page for answers given before Remix runs (refused requests, a failure outside the
// app): the site's own header and styles, Dutch first and English below, no scripts, nothing
// from the request echoed back.
import stylesheet from "~/styles/app.css";
import { translate } from "~/i18n/translate";
import type { MessageKey } from "~/i18n/catalogue";

export function plainPage(titleKey: MessageKey, textKey: MessageKey, extra?: { key: MessageKey; values: Record<string, string> }): string {
  const block = (locale: "nl" | "en", heading: "h1" | "h2") =>
    `<section lang="${locale}"><${heading}>${translate(locale, titleKey)}</${heading}><p>${translate(locale, textKey)}</p>` +
    (extra ? `<p>${translate(locale, extra.key, extra.values)}</p>` : "") +
    `<p><a href="/">${translate(locale, "error.backHome")}</a></p></section>`;
  return (
    `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${translate("nl", titleKey)} – ${translate("nl", "app.name")}</title>` +
    `<link rel="stylesheet" href="${stylesheet}"></head><body>` +
    `<header class="site-header"><div class="wrap site-header-inner"><a href="/" class="brand"><span class="brand-name">${translate("nl", "app.name")}</span>` +
    `<span class="brand-tagline">${translate("nl", "app.tagline")}</span></a></div></header>` +
    `<main class="wrap main"><div class="narrow">${block("nl", "h1")}${block("en", "h2")}</div></main></body></html>`
  );
}
