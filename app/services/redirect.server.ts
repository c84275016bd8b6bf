// Where a visitor may be sent back to after signing in or choosing a language: only a path on
// our own site. Browsers strip tabs and newlines and read "\" as "/", so "/\t/evil.example" is
// "//evil.example" to them; the value is resolved as a browser would, against PUBLIC_URL, and must
// stay on that origin.
import { config } from "./config.server";

// Control characters (incl. tab, CR, LF), backslashes, and their percent-encoded forms.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const HOSTILE = /[\u0000-\u001f\u007f\\]|%(?:0[0-9a-f]|1[0-9a-f]|7f|5c)/i;

export function safeRedirectPath(value: string | null | undefined, fallback = "/", base = config().publicUrl): string {
  if (!value || value.length > 2000 || !value.startsWith("/") || value.startsWith("//") || HOSTILE.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(base).origin) return fallback;
  return url.pathname + url.search + url.hash;
}
