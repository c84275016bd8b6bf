// A mail is plain text first (every client shows it) with a simple, accessible HTML twin.
import type { Translate } from "../app/i18n/translate";

export type RenderedMail = { subject: string; text: string; html: string };

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 16px">${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

export function composeMail(t: Translate, parts: { subject: string; lines: string[]; action?: { label: string; url: string } }): RenderedMail {
  const { subject, lines, action } = parts;
  const footer = t("mail.footer");
  const text = [...lines, ...(action ? [`${action.label}: ${action.url}`] : []), "", "--", footer].join("\n\n");
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#0b5a8c;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;font-weight:bold">${escapeHtml(action.label)}</a></p><p style="margin:0 0 16px;font-size:14px;color:#444">${escapeHtml(action.url)}</p>`
    : "";
  const html = `<!doctype html><html lang="${escapeHtml(t("mail.lang"))}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff"><main style="max-width:560px">${lines.map(paragraphs).join("")}${button}<hr style="border:none;border-top:1px solid #ccc;margin:24px 0"><p style="font-size:14px;color:#444">${escapeHtml(footer)}</p></main></body></html>`;
  return { subject, text, html };
}
