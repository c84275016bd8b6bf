// One action per page, several things it can do: the button that sent the form says which
// (name="intent" value="…"), and each intent has its own handler with its own schema. An intent
// the page does not know is answered with 400 before anything is read or written, so a typo in a
// button, an old tab or a hand-made post never falls through to the wrong handler.
// (After the Epic Stack's settings/profile route, where the switch is written out per route.)

/** The form field that names the intent. Buttons: <button name="intent" value="resend">. */
export const INTENT_FIELD = "intent";

/** 400 with no detail for the sender: the error page says in Dutch that the form could not be processed. */
export function badIntent(): Response {
  return new Response("Bad Request", { status: 400 });
}

/**
 * The intent the form names, if it is one of `intents`; throws badIntent() otherwise.
 * `whenMissing` is for a page whose main button has always been the only one: a form rendered
 * before the page had intents (an open tab during a deploy) then still does what it did.
 */
export function readIntent<const I extends string>(form: FormData, intents: readonly I[], options: { whenMissing?: NoInfer<I> } = {}): I {
  const values = form.getAll(INTENT_FIELD);
  if (values.length === 0 && options.whenMissing !== undefined) return options.whenMissing;
  // Two intents in one post is not something a page sends: refuse rather than pick one.
  const [value] = values;
  if (values.length !== 1 || typeof value !== "string" || !(intents as readonly string[]).includes(value)) throw badIntent();
  return value as I;
}

type Handlers = Record<string, (form: FormData) => unknown>;

/**
 * Runs the handler of the form's intent and returns what it returns; an unknown intent is 400.
 *
 *   export async function action({ request }) {
 *     const user = await requirePermission(request, "outbox.manage");
 *     const form = await readForm(request);
 *     return dispatchIntent(form, {
 *       resend: (form) => resend(form, user),
 *     });
 *   }
 */
export function dispatchIntent<H extends Handlers>(form: FormData, handlers: H, options: { whenMissing?: keyof H & string } = {}): ReturnType<H[keyof H]> {
  const intent = readIntent(form, Object.keys(handlers), { whenMissing: options.whenMissing });
  return handlers[intent]!(form) as ReturnType<H[keyof H]>;
}
