// Signing out, refused requests and the error page's reference for the helpdesk.
export const nl = {
  "security.signOut.title": "Uitloggen",
  "security.signOut.intro": "U bent ingelogd als {email}.",
  "security.signOut.here": "Uitloggen op dit apparaat",
  "security.signOut.everywhere": "Uitloggen op alle apparaten",
  "security.signOut.everywhereHint":
    "Gebruikt u het Inwonersfonds ook op een andere telefoon of computer, of bent u ergens vergeten uit te loggen? Dan logt deze knop u overal uit.",
  "security.signOut.allLink": "Op alle apparaten uitloggen",
  "security.refused.title": "Dit verzoek kunnen we niet uitvoeren",
  "security.refused.origin":
    "Het formulier kwam niet van de website van het Inwonersfonds. Uit veiligheid hebben we het niet verwerkt. Open de website zelf en probeer het daar opnieuw.",
  "security.refused.host":
    "Dit verzoek kwam via een adres dat niet bij het Inwonersfonds hoort. Uit veiligheid hebben we het niet verwerkt. Open de website zelf en probeer het daar opnieuw.",
  "security.error.reference": "Wilt u het programmabureau bellen of mailen? Noem dan deze code: {traceId}.",
} as const;

export const en: Record<keyof typeof nl, string> = {
  "security.signOut.title": "Sign out",
  "security.signOut.intro": "You are signed in as {email}.",
  "security.signOut.here": "Sign out on this device",
  "security.signOut.everywhere": "Sign out on all devices",
  "security.signOut.everywhereHint":
    "Do you also use the Residents' Fund on another phone or computer, or did you forget to sign out somewhere? This button signs you out everywhere.",
  "security.signOut.allLink": "Sign out on all devices",
  "security.refused.title": "We cannot carry out this request",
  "security.refused.origin":
    "The form did not come from the Residents' Fund website. For your safety we did not process it. Open the website itself and try again there.",
  "security.refused.host":
    "This request came through an address that does not belong to the Residents' Fund. For your safety we did not process it. Open the website itself and try again there.",
  "security.error.reference": "Calling or mailing the programme bureau? Mention this code: {traceId}.",
};
