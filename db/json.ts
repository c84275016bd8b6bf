// JSON kept in a text column, typed by what it holds. The brand means a column's value can only
// come from `toJson` of the right shape, and `parseJson` gives that shape back, so a reader never
// guesses what a writer stored. Portable: SQLite and PostgreSQL both store it as text.
declare const shape: unique symbol;

export type JsonText<T> = string & { readonly [shape]: T };

export function toJson<T>(value: T): JsonText<T> {
  return JSON.stringify(value) as JsonText<T>;
}

/** Our own writes only (toJson): not for text from outside, which goes through a zod schema. */
export function parseJson<T>(text: JsonText<T>): T {
  return JSON.parse(text) as T;
}
