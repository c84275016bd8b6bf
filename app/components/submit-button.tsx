// A form's send button that says the form is on its way. Without JavaScript it is a plain submit
// button (the browser shows its own progress); with JavaScript, while this button's submission
// is under way, a polite live text says "Bezig met versturen…" and a second click does nothing
// (the form's own key already makes a double submit harmless; this spares the wait).
import type { ButtonHTMLAttributes, ReactNode } from "react";
import { useFormAction, useNavigation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "value"> & {
  children: ReactNode;
  secondary?: boolean;
  value?: string;
  /** Fields the sent form has when it is this button's post; default: this button's name and value. */
  pendingFor?: Record<string, string>;
  /** The form's action when it posts to another route than the one this button is rendered in. */
  formAction?: string;
};

const pathOf = (url: string | undefined) => (url === undefined ? undefined : new URL(url, "http://x").pathname);

export function SubmitButton({ children, secondary, className, name, value, pendingFor, formAction, onClick, ...rest }: Props) {
  const t = useT();
  const navigation = useNavigation();
  const ownAction = useFormAction(formAction);
  // This button's post, not any post on the page: a page may have several forms and buttons.
  const expected = pendingFor ?? (name !== undefined && value !== undefined ? { [name]: value } : {});
  const pending =
    // "loading" after a submission too (the redirect's next page is on its way): formData stays set.
    navigation.state !== "idle" &&
    navigation.formData !== undefined &&
    pathOf(navigation.formAction) === pathOf(ownAction) &&
    Object.entries(expected).every(([field, v]) => navigation.formData?.get(field) === v);
  return (
    <span className="submit">
      <button
        {...rest}
        type="submit"
        name={name}
        value={value}
        formAction={formAction}
        className={[className ?? "button", secondary ? "button--secondary" : null, pending ? "button--pending" : null].filter(Boolean).join(" ")}
        aria-disabled={pending || undefined}
        onClick={(event) => {
          if (pending) event.preventDefault();
          else onClick?.(event);
        }}
      >
        {children}
      </button>
      {/* aria-live rather than role=status: a page's one-time notice is its status region. */}
      <span className="submit-pending" aria-live="polite">
        {pending ? t("forms.sending") : ""}
      </span>
    </span>
  );
}
