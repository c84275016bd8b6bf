// Words every form shares (app/forms/fields.ts, components/submit-button.tsx, services/intent.server.ts).
export const nl = {
  "forms.sending": "Bezig met versturen…",
  "forms.error.reasonRequired": "Schrijf op waarom.",
  "forms.error.reasonTooLong": "Schrijf hoogstens {max} tekens.",
  "forms.error.badRequest.title": "Dit formulier kunnen we niet verwerken",
  "forms.error.badRequest.text": "Laad de pagina opnieuw en probeer het nog een keer. Blijft het misgaan? Neem dan contact op met het programmabureau.",
} as const;

export const en: Record<keyof typeof nl, string> = {
  "forms.sending": "Sending…",
  "forms.error.reasonRequired": "Write down why.",
  "forms.error.reasonTooLong": "Write at most {max} characters.",
  "forms.error.badRequest.title": "We cannot process this form",
  "forms.error.badRequest.text": "Reload the page and try again. If it keeps failing, contact the programme bureau.",
};
