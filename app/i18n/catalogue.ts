// The one message catalogue: every text a user reads, in Dutch (leading) and English.
// Sections live in ./sections; keys are unique across them.
import * as common from "./sections/common";
import * as application from "./sections/application";
import * as auth from "./sections/auth";
import * as domainA from "./sections/domain-a";
import * as domainB from "./sections/domain-b";
import * as security from "./sections/security";
import * as statusLink from "./sections/status-link";
import * as mailAdmin from "./sections/mail-admin";
import * as limits from "./sections/limits";
import * as lifecycle from "./sections/lifecycle";
import * as forms from "./sections/forms";
import * as bureauLayout from "./sections/bureau-layout";
import * as review from "./sections/review";
import * as question from "./sections/question";
import * as resident from "./sections/resident";
import * as queue from "./sections/queue";
import * as money from "./sections/money";
import * as budget from "./sections/budget";

const nl = {
  ...common.nl,
  ...application.nl,
  ...auth.nl,
  ...domainA.nl,
  ...domainB.nl,
  ...security.nl,
  ...statusLink.nl,
  ...mailAdmin.nl,
  ...limits.nl,
  ...lifecycle.nl,
  ...forms.nl,
  ...bureauLayout.nl,
  ...review.nl,
  ...question.nl,
  ...resident.nl,
  ...queue.nl,
  ...money.nl,
  ...budget.nl,
};
export type MessageKey = keyof typeof nl;
const en: Record<MessageKey, string> = {
  ...common.en,
  ...application.en,
  ...auth.en,
  ...domainA.en,
  ...domainB.en,
  ...security.en,
  ...statusLink.en,
  ...mailAdmin.en,
  ...limits.en,
  ...lifecycle.en,
  ...forms.en,
  ...bureauLayout.en,
  ...review.en,
  ...question.en,
  ...resident.en,
  ...queue.en,
  ...money.en,
  ...budget.en,
};

export const catalogue: Record<"nl" | "en", Record<MessageKey, string>> = { nl, en };
