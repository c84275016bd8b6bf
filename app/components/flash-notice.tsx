// The one-time notice after a redirect ("De e-mail staat weer klaar"): shown on the next page only,
// announced politely (role=status) so a screen reader reads it without breaking off what it says.
import type { MessageKey } from "~/i18n/catalogue";
import { useT } from "~/i18n/use-t";

export function FlashNotice({ notice }: { notice: MessageKey | null | undefined }) {
  const t = useT();
  if (!notice) return null;
  return (
    <p className="notice notice--ok" role="status">
      {t(notice)}
    </p>
  );
}
