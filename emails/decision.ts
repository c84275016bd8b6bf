// To the applicant (and the supporter who sent it for them): the decision, in their language.
// Approved: the amount, the conditions, the help offered besides money, what happens next.
// Declined: the reason in plain words and what they could do instead.
import type { Translate } from "../app/i18n/translate";
import type { Locale } from "../app/i18n/translate";
import type { HelpKind } from "../app/domain/review";
import { formatCents } from "../app/domain/money";
import { composeMail, type RenderedMail } from "./layout";

export type ApprovedMailData = {
  name: string;
  title: string;
  reference: string;
  grantedCents: number;
  conditions: string | null;
  help: HelpKind[];
  url: string;
  locale: Locale;
};

export function renderApprovedMail(t: Translate, d: ApprovedMailData): RenderedMail {
  const lines = [
    t("mail.received.greeting", { name: d.name }),
    t("mail.approved.text", { title: d.title, reference: d.reference, amount: formatCents(d.grantedCents, d.locale) }),
  ];
  if (d.conditions) lines.push(t("mail.approved.conditions", { conditions: d.conditions }));
  if (d.help.length > 0) lines.push(t("mail.approved.help", { help: d.help.map((h) => t(`review.help.${h}`)).join(", ") }));
  lines.push(t("mail.approved.next"));
  return composeMail(t, { subject: t("mail.approved.subject", { reference: d.reference }), lines, action: { label: t("mail.decision.button"), url: d.url } });
}

export type DeclinedMailData = { name: string; title: string; reference: string; reason: string; alternatives: string | null; url: string };

export function renderDeclinedMail(t: Translate, d: DeclinedMailData): RenderedMail {
  const lines = [
    t("mail.received.greeting", { name: d.name }),
    t("mail.declined.text", { title: d.title, reference: d.reference }),
    t("mail.declined.reason", { reason: d.reason }),
  ];
  if (d.alternatives) lines.push(t("mail.declined.alternatives", { alternatives: d.alternatives }));
  lines.push(t("mail.declined.questions"));
  return composeMail(t, { subject: t("mail.declined.subject", { reference: d.reference }), lines, action: { label: t("mail.decision.button"), url: d.url } });
}

export type CancelledMailData = { name: string; title: string; reference: string; reason: string; url: string };

export function renderCancelledMail(t: Translate, d: CancelledMailData): RenderedMail {
  return composeMail(t, {
    subject: t("mail.cancelled.subject", { reference: d.reference }),
    lines: [
      t("mail.received.greeting", { name: d.name }),
      t("mail.cancelled.text", { title: d.title, reference: d.reference }),
      t("mail.cancelled.reason", { reason: d.reason }),
      t("mail.declined.questions"),
    ],
    action: { label: t("mail.decision.button"), url: d.url },
  });
}
