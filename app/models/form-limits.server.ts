// Which budgets a post of the public form counts against (the budgets are in domain/rate-limit.ts).
import type { Bucket } from "~/domain/rate-limit";
import type { User } from "./users.server";
import { normaliseEmail } from "./users.server";

/** The signed-in user, else the connection's IP address; and the address the form mails. */
export function limitKeys(kind: "application" | "draft", who: { user: User | null; ip: string }, email: string | null) {
  const keys: { bucket: Bucket; key: string }[] =
    who.user && kind === "application" ? [{ bucket: "application.user", key: who.user.id }] : [{ bucket: `${kind}.ip`, key: who.ip }];
  if (email) keys.push({ bucket: `${kind}.address`, key: normaliseEmail(email) });
  return keys;
}
