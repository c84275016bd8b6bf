// Query parameters are visitor input like any form: each page reads them through a zod shape.
// The shapes below never fail (an unusable value becomes the default), so a hand-edited or
// hostile address gives a normal page instead of a 5xx; a shape that does fail answers 400.
import { z } from "zod";

/**
 * Reads the first value of each named parameter and parses them with the shape. Routes pass a
 * shape built from the helpers below, so zod stays on the server.
 */
export function parseSearchParams<S extends z.ZodRawShape>(request: Request, shape: S): z.infer<z.ZodObject<S>> {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(shape)) raw[key] = params.get(key) ?? undefined;
  const parsed = z.object(shape).safeParse(raw);
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  return parsed.data;
}

/** The highest page number we take at face value; beyond it the model shows the last page anyway. */
export const MAX_PAGE = 1_000_000;

/** A page number, 1 and up: digits only; more than MAX_PAGE becomes MAX_PAGE, anything else 1. */
export const pageNumber = () =>
  z
    .string()
    .regex(/^\d+$/)
    .transform((v) => Math.min(Math.max(1, Number(v)), MAX_PAGE))
    .optional()
    .catch(undefined)
    .transform((v) => v ?? 1);

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * A token from a link in a mail (base64url of random bytes): the token; null when the parameter is
 * there but cannot be a token (a link broken in a mail program); undefined when it is absent or empty.
 */
export const linkToken = () =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : TOKEN.test(v) ? v : null));
