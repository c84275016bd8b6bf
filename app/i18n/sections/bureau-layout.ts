// The frame around every bureau page (routes/beheer.tsx): its menu, the breadcrumb, its error page.
export const nl = {
  "bureauLayout.name": "Programmabureau",
  "bureauLayout.menu": "Menu van het programmabureau",
  "bureauLayout.menu.applications": "Aanvragen",
  "bureauLayout.menu.mail": "E-mails die niet aankwamen",
  "bureauLayout.breadcrumb": "U bent hier",
  "bureauLayout.error.back": "Terug naar de aanvragen",
} as const;

export const en: Record<keyof typeof nl, string> = {
  "bureauLayout.name": "Programme bureau",
  "bureauLayout.menu": "Programme bureau menu",
  "bureauLayout.menu.applications": "Applications",
  "bureauLayout.menu.mail": "E-mails that did not arrive",
  "bureauLayout.breadcrumb": "You are here",
  "bureauLayout.error.back": "Back to the applications",
};
