import type { Translate } from "../app/i18n/translate";
import { composeMail, type RenderedMail } from "./layout";

export type SignInMailData = { code: string; link: string };

export function renderSignInMail(t: Translate, data: SignInMailData): RenderedMail {
  return composeMail(t, {
    subject: t("mail.signIn.subject", { code: data.code }),
    lines: [t("mail.signIn.text", { code: data.code, link: data.link })],
    action: { label: t("mail.signIn.button"), url: data.link },
  });
}
