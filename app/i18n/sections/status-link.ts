// The status link from the confirmation mail when it no longer leads to an application.
export const nl = {
  "statusLink.notFound.title": "Wij vinden deze aanvraag niet",
  "statusLink.expired.title": "Deze link werkt niet meer",
  "statusLink.expired.text": "Deze aanvraag is al een tijd afgerond. Daarom werkt de link uit de e-mail niet meer. Zo blijven uw gegevens beschermd.",
  "statusLink.expired.signIn": "Wilt u uw aanvraag toch bekijken? Log dan in met uw e-mailadres en kijk bij Mijn aanvragen.",
  "statusLink.signInLink": "Inloggen",
} as const;

export const en: Record<keyof typeof nl, string> = {
  "statusLink.notFound.title": "We cannot find this application",
  "statusLink.expired.title": "This link no longer works",
  "statusLink.expired.text":
    "This application was completed some time ago. That is why the link from the e-mail no longer works. This keeps your details safe.",
  "statusLink.expired.signIn": "Do you still want to see your application? Sign in with your e-mail address and look under My applications.",
  "statusLink.signInLink": "Sign in",
};
