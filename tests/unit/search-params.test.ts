import { describe, expect, it } from "vitest";
import { z } from "zod";
import { linkToken, MAX_PAGE, pageNumber, parseSearchParams } from "~/services/search-params.server";

const req = (query: string) => new Request(`http://localhost/x${query}`);

describe("parseSearchParams", () => {
  it("reads the first value of each named parameter and ignores the rest", () => {
    expect(parseSearchParams(req("?pagina=3&pagina=4&anders=1"), { pagina: pageNumber() })).toEqual({ pagina: 3 });
  });

  it("answers 400 when a shape that can fail does fail", () => {
    let thrown: unknown;
    try {
      parseSearchParams(req("?n=abc"), { n: z.coerce.number().int() });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
  });

  it("page numbers: digits only, at least 1, at most MAX_PAGE", () => {
    const page = (q: string) => parseSearchParams(req(q), { pagina: pageNumber() }).pagina;
    expect(page("")).toBe(1);
    expect(page("?pagina=7")).toBe(7);
    expect(page("?pagina=0")).toBe(1);
    expect(page("?pagina=-2")).toBe(1);
    expect(page("?pagina=2.5")).toBe(1);
    expect(page("?pagina=1e3")).toBe(1);
    expect(page("?pagina=99999999999999999999")).toBe(MAX_PAGE);
    expect(page(`?pagina=${"9".repeat(400)}`)).toBe(MAX_PAGE);
  });

  it("link tokens: absent, unusable (null) or the token", () => {
    const token = (q: string) => parseSearchParams(req(q), { t: linkToken() }).t;
    expect(token("")).toBeUndefined();
    expect(token("?t=")).toBeUndefined();
    expect(token("?t=abc")).toBeNull();
    expect(token("?t=" + "A".repeat(43))).toBe("A".repeat(43));
  });
});
