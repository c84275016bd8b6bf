// The sign-in forms' rules, shared by the server and (with JavaScript on) the browser.
import { z } from "zod";
import type { Translate } from "~/i18n/translate";
import { accountEmailField } from "./fields";

/** Step 1: the address the code goes to (lower-cased: one account per address, however typed). */
export function signInSchema(t: Translate) {
  return z.object({ email: accountEmailField(t) });
}

/** Step 2: six digits; spaces (as a mail program or a person may add them) do not count. */
export function codeSchema(t: Translate) {
  return z.object({
    code: z
      .string({ error: t("code.error.format") })
      .transform((v) => v.replace(/\s/g, ""))
      .pipe(z.string().regex(/^\d{6}$/, t("code.error.format"))),
  });
}
