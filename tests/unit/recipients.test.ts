import { describe, expect, it } from "vitest";
import { recipientsOf } from "~/models/recipients.server";

describe("the recipient rule", () => {
  const parties = { applicantEmail: "Sanne@Example.org ", submitterEmail: "werker@example.org", bureauEmail: "bureau@example.org" };

  it("mails the applicant and the supporter who submitted for them", () => {
    expect(recipientsOf("applicant", parties)).toEqual(["sanne@example.org", "werker@example.org"]);
  });

  it("mails the supporter alone when the applicant has no address, and each address once", () => {
    expect(recipientsOf("applicant", { ...parties, applicantEmail: null })).toEqual(["werker@example.org"]);
    expect(recipientsOf("applicant", { ...parties, submitterEmail: "sanne@example.org" })).toEqual(["sanne@example.org"]);
    expect(recipientsOf("applicant", { applicantEmail: null, submitterEmail: null, bureauEmail: undefined })).toEqual([]);
  });

  it("mails the bureau's inbox only when one is configured, never the applicant", () => {
    expect(recipientsOf("bureau", parties)).toEqual(["bureau@example.org"]);
    expect(recipientsOf("bureau", { ...parties, bureauEmail: undefined })).toEqual([]);
  });
});
