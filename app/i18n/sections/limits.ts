// Limits on what a visitor can repeat: sign-in codes and mails, applications and drafts.
export const nl = {
  "limits.signIn.tooMany":
    "Er zijn in korte tijd veel e-mails met een code naar dit adres gestuurd. Heeft u in het afgelopen kwartier een e-mail van ons gekregen? Dan werken de code en de link in de nieuwste e-mail nog. Een nieuwe e-mail kunt u vragen vanaf {time}.",
  "limits.signIn.enterCode": "Code uit de e-mail invullen",
  "limits.code.newest": "Heeft u meer e-mails gekregen? Alleen de code uit de nieuwste e-mail werkt. De link in elke e-mail werkt 15 minuten.",
  "limits.code.invalid": "Deze code klopt niet, is al gebruikt of is verlopen. Gebruik de code uit de nieuwste e-mail, of vraag een nieuwe code aan.",
  "limits.code.locked":
    "Er is te vaak een verkeerde code ingevuld voor dit e-mailadres. Daarom kunt u pas vanaf {time} weer inloggen met een code. De link in de e-mail werkt wel: klik op de link in de nieuwste e-mail om in te loggen.",
  "limits.form.tooMany":
    "U heeft in korte tijd veel aanvragen verstuurd. Daarom nemen wij deze nu niet aan. Uw gegevens staan nog in het formulier. Probeer het vanaf {time} opnieuw.",
  "limits.draft.tooMany":
    "Deze aanvraag is in korte tijd vaak opgeslagen. Daarom sturen wij nu geen nieuwe e-mail. Uw gegevens staan nog in het formulier. Probeer het vanaf {time} opnieuw, of verstuur de aanvraag meteen.",
  "limits.honeypot.label": "Laat dit veld leeg",
  "limits.mail.locked.subject": "Inloggen met een code is even gestopt",
  "limits.mail.locked.text":
    "Er is vaak een verkeerde code ingevuld om in te loggen met uw e-mailadres {email}. Om uw gegevens te beschermen, kunt u pas vanaf {time} weer inloggen met een code.\n\nInloggen met de link uit de e-mail werkt wel. Vraag een nieuwe e-mail aan en klik op de link daarin.\n\nWas u dit niet zelf? Dan probeert iemand anders misschien in te loggen. U hoeft niets te doen: zonder de e-mails in uw mailbox komt niemand binnen.",
  "limits.mail.locked.button": "Naar inloggen",
} as const;

export const en: Record<keyof typeof nl, string> = {
  "limits.signIn.tooMany":
    "Many e-mails with a code have been sent to this address in a short time. Did you get an e-mail from us in the last quarter of an hour? Then the code and the link in the newest e-mail still work. You can ask for a new e-mail from {time}.",
  "limits.signIn.enterCode": "Fill in the code from the e-mail",
  "limits.code.newest": "Did you get more than one e-mail? Only the code from the newest e-mail works. The link in every e-mail works for 15 minutes.",
  "limits.code.invalid": "This code is not right, has been used or has expired. Use the code from the newest e-mail, or ask for a new code.",
  "limits.code.locked":
    "A wrong code was filled in too often for this e-mail address. So you can only sign in with a code again from {time}. The link in the e-mail does work: click the link in the newest e-mail to sign in.",
  "limits.form.tooMany":
    "You sent many applications in a short time, so we do not accept this one now. Your details are still in the form. Try again from {time}.",
  "limits.draft.tooMany":
    "This application was saved many times in a short time, so we do not send a new e-mail now. Your details are still in the form. Try again from {time}, or send the application right away.",
  "limits.honeypot.label": "Leave this field empty",
  "limits.mail.locked.subject": "Signing in with a code has been paused",
  "limits.mail.locked.text":
    "A wrong code was often filled in to sign in with your e-mail address {email}. To protect your details, you can only sign in with a code again from {time}.\n\nSigning in with the link from the e-mail does work. Ask for a new e-mail and click the link in it.\n\nWas this not you? Then someone else may be trying to sign in. You do not need to do anything: without the e-mails in your mailbox nobody gets in.",
  "limits.mail.locked.button": "Go to sign in",
};
