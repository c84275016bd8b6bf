// The one recipient rule for lifecycle mail. The domain names an audience; this says which
// addresses that is. "applicant" is the applicant and, when a supporter submitted for them, that
// supporter too (domain/lifecycle.ts Effect), each address once. "bureau" is the bureau's shared
// inbox when one is configured, else nobody.
import { normaliseEmail } from "./users.server";

export type Audience = "applicant" | "bureau";

export type Parties = {
  /** The address given on the form; null when a supporter applied for someone without e-mail. */
  applicantEmail: string | null;
  /** The signed-in supporter who submitted on the applicant's behalf, if any. */
  submitterEmail: string | null;
  bureauEmail: string | undefined;
};

export function recipientsOf(audience: Audience, parties: Parties): string[] {
  const addresses = audience === "bureau" ? [parties.bureauEmail] : [parties.applicantEmail, parties.submitterEmail];
  const found = addresses.filter((a): a is string => typeof a === "string" && a.trim() !== "").map(normaliseEmail);
  return [...new Set(found)];
}
