// The resident withdraws their application: an optional reason, and a tick that says they mean it
// (the confirmation without JavaScript: no dialog needed).
import { z } from "zod";
import type { Translate } from "~/i18n/translate";
import { optionalPlainTextField } from "./fields";

export const WITHDRAW_REASON_MAX = 1000;

export function withdrawSchema(t: Translate) {
  return z.object({
    reason: optionalPlainTextField(t, "resident.withdraw.error.reasonTooLong", WITHDRAW_REASON_MAX),
    confirm: z.literal("yes", { error: t("resident.withdraw.error.confirmRequired") }),
  });
}
