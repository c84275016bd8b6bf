// The one template registry: every mail the app can put in the outbox has a name here, and every
// mail a lifecycle step names (domain/lifecycle.ts MailTemplate) finds its renderer here.
// A step whose mail has no renderer yet cannot be taken (lifecycleMail throws and the step's
// transaction rolls back): add the renderer first (docs/recipes/add-a-lifecycle-step.md).
import type { MailTemplate } from "../app/domain/lifecycle";
import type { Translate } from "../app/i18n/translate";
import type { RenderedMail } from "./layout";
import { renderApplicationReceivedMail } from "./application-received";
import { renderNewApplicationMail } from "./new-application";
import { renderBureauNoticeMail, type BureauNoticeEvent } from "./bureau-notice";
import { renderWithdrawnMail } from "./withdrawn";
import { renderQuestionMail } from "./question";
import { renderApprovedMail, renderCancelledMail, renderDeclinedMail } from "./decision";
import type { ApplicationStatus } from "../app/domain/lifecycle";
import type { ResidentDecision } from "../app/models/decisions.server";
import type { Locale } from "../app/i18n/translate";

/** Names of outbox rows (the outbox.template column is typed by this list). */
export const OUTBOX_TEMPLATES = [
  "sign-in",
  "sign-in-locked",
  "draft-saved",
  "application-received",
  "new-application",
  "bureau-notice",
  "withdrawn",
  "decision",
  "cancelled",
  "question",
] as const;
export type OutboxTemplate = (typeof OUTBOX_TEMPLATES)[number];

/** What the model knows of an application when a step mails about it; each template takes what it needs. */
export type StepMailData = {
  reference: string;
  title: string;
  applicantName: string;
  areaName: string;
  /** The status link: only at submission, when its token exists (only its hash is stored). */
  statusUrl: string | null;
  /** The application's page for the bureau. */
  bureauUrl: string;
  /** The applicant's own page (they sign in with their address). */
  myApplicationUrl: string;
  /** The status after the step, and what the resident is told of the decision (decisions.server.ts). */
  status: ApplicationStatus;
  decision: ResidentDecision | null;
  /** The bureau's question, at an ask_question step. */
  question: string | null;
  /** The language the mail is written in (for amounts). */
  locale: Locale;
};

export type LifecycleMailEntry = { outbox: OutboxTemplate; render: (t: Translate, data: StepMailData) => RenderedMail };

const LIFECYCLE_MAILS: Partial<Record<MailTemplate, LifecycleMailEntry>> = {
  received: {
    outbox: "application-received",
    render: (t, d) =>
      renderApplicationReceivedMail(t, { name: d.applicantName, title: d.title, reference: d.reference, statusUrl: required(d.statusUrl, "received") }),
  },
  // To the bureau's inbox: no personal data.
  new_application: {
    outbox: "new-application",
    render: (t, d) => renderNewApplicationMail(t, { reference: d.reference, title: d.title, areaName: d.areaName, url: d.bureauUrl }),
  },
  withdrawn: { outbox: "withdrawn", render: (t, d) => renderWithdrawnMail(t, { name: d.applicantName, title: d.title, reference: d.reference }) },
  // One step name, two mails: the decision's status says which (approve/confirm, or decline).
  decision: {
    outbox: "decision",
    render: (t, d) => {
      const decision = required(d.decision, "decision");
      const base = { name: d.applicantName, title: d.title, reference: d.reference, url: d.myApplicationUrl };
      if (decision.kind === "approved") return renderApprovedMail(t, { ...base, ...decision, locale: d.locale });
      if (decision.kind === "declined") return renderDeclinedMail(t, { ...base, ...decision });
      throw new Error(`The "decision" mail does not fit status ${d.status}`);
    },
  },
  cancelled: {
    outbox: "cancelled",
    render: (t, d) => {
      const decision = required(d.decision, "cancelled");
      if (decision.kind !== "cancelled") throw new Error(`The "cancelled" mail does not fit status ${d.status}`);
      return renderCancelledMail(t, { name: d.applicantName, title: d.title, reference: d.reference, reason: decision.reason, url: d.myApplicationUrl });
    },
  },
  question: {
    outbox: "question",
    render: (t, d) =>
      renderQuestionMail(t, {
        name: d.applicantName,
        title: d.title,
        reference: d.reference,
        question: required(d.question, "question"),
        url: d.myApplicationUrl,
      }),
  },
  second_review_needed: bureauNotice("second_review_needed"),
  answer_received: bureauNotice("answer_received"),
  report_received: bureauNotice("report_received"),
};

function bureauNotice(event: BureauNoticeEvent): LifecycleMailEntry {
  return { outbox: "bureau-notice", render: (t, d) => renderBureauNoticeMail(t, { reference: d.reference, title: d.title, url: d.bureauUrl, event }) };
}

/** The renderer of a mail the lifecycle names; throws (a programming error) when there is none yet. */
export function lifecycleMail(template: MailTemplate): LifecycleMailEntry {
  const entry = LIFECYCLE_MAILS[template];
  if (!entry) throw new Error(`No mail template for the lifecycle's "${template}" yet: add it to emails/registry.ts`);
  return entry;
}

/** Lifecycle mails that have a renderer (for the registry's test). */
export function registeredLifecycleMails(): MailTemplate[] {
  return Object.keys(LIFECYCLE_MAILS) as MailTemplate[];
}

function required<T>(value: T | null, template: MailTemplate): T {
  if (value === null) throw new Error(`The "${template}" mail needs a value the step did not give`);
  return value;
}
