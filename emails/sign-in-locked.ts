import type { Translate } from "../app/i18n/translate";
import { composeMail, type RenderedMail } from "./layout";

/** `until` is already written out for the reader ("23 november 2026 om 11:00"). */
export type SignInLockedMailData = { email: string; until: string; signInUrl: string };

export function renderSignInLockedMail(t: Translate, data: SignInLockedMailData): RenderedMail {
  return composeMail(t, {
    subject: t("limits.mail.locked.subject"),
    lines: [t("limits.mail.locked.text", { email: data.email, time: data.until })],
    action: { label: t("limits.mail.locked.button"), url: data.signInUrl },
  });
}
