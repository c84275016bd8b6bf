// How long the status link from the confirmation mail keeps working. It is a capability link (the
// link itself is the proof), so it should not work forever: it ends a set number of months after
// the application was closed, and works as long as the application is still open.
import { FINAL_STATUSES, type ApplicationStatus } from "./lifecycle";

/**
 * When the application was closed: its stored closing time, or, for a final status whose closing
 * time was not stored, its last change (which is the change that closed it).
 */
export function closedSince(application: { status: ApplicationStatus; closedAt: string | null; updatedAt: string }): string | null {
  if (application.closedAt) return application.closedAt;
  return FINAL_STATUSES.includes(application.status) ? application.updatedAt : null;
}

/** `months` calendar months after `from` (UTC); the 31st becomes the month's last day when it has no 31st. */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(
    Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 1, from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds()),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target;
}

/** True once `monthsAfterClose` months have passed since the application was closed. */
export function statusLinkExpired(closedAt: string | null, now: Date, monthsAfterClose: number): boolean {
  if (closedAt === null) return false;
  return now.getTime() >= addMonths(new Date(closedAt), monthsAfterClose).getTime();
}
