import { describe, expect, it } from "vitest";
import * as common from "~/i18n/sections/common";
import * as application from "~/i18n/sections/application";
import * as auth from "~/i18n/sections/auth";
import * as domainA from "~/i18n/sections/domain-a";
import * as domainB from "~/i18n/sections/domain-b";
import * as security from "~/i18n/sections/security";
import * as statusLink from "~/i18n/sections/status-link";
import * as mailAdmin from "~/i18n/sections/mail-admin";
import * as limits from "~/i18n/sections/limits";
import * as lifecycle from "~/i18n/sections/lifecycle";
import * as forms from "~/i18n/sections/forms";
import * as bureauLayout from "~/i18n/sections/bureau-layout";
import * as review from "~/i18n/sections/review";
import * as question from "~/i18n/sections/question";
import * as resident from "~/i18n/sections/resident";
import * as queue from "~/i18n/sections/queue";
import * as money from "~/i18n/sections/money";
import * as budget from "~/i18n/sections/budget";
import { catalogue } from "~/i18n/catalogue";
import { translate } from "~/i18n/translate";

const sections = {
  common,
  application,
  auth,
  domainA,
  domainB,
  security,
  statusLink,
  mailAdmin,
  limits,
  lifecycle,
  forms,
  bureauLayout,
  review,
  question,
  resident,
  queue,
  money,
  budget,
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message catalogue", () => {
  it("has every key once across all sections", () => {
    const seen = new Map<string, string>();
    for (const [name, section] of Object.entries(sections)) {
      for (const key of Object.keys(section.nl)) {
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${name}`).toBeUndefined();
        seen.set(key, name);
      }
    }
    expect(Object.keys(catalogue.nl)).toHaveLength(seen.size);
  });

  it("has an English text with the same placeholders for every Dutch one", () => {
    for (const [key, nl] of Object.entries(catalogue.nl)) {
      const en = catalogue.en[key as keyof typeof catalogue.en];
      expect(en, key).toBeTruthy();
      expect(placeholders(en), key).toEqual(placeholders(nl));
    }
  });

  it("fills in placeholders and leaves unknown ones visible", () => {
    expect(translate("nl", "nav.signedInAs", { email: "a@b.nl" })).toBe("Ingelogd als a@b.nl");
    expect(translate("en", "nav.signedInAs", { email: "a@b.nl" })).toBe("Signed in as a@b.nl");
    expect(translate("nl", "nav.signedInAs")).toBe("Ingelogd als {email}");
  });
});
