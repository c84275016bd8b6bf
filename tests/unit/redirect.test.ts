import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/services/redirect.server";

const BASE = "https://fonds.example";

describe("safeRedirectPath", () => {
  it.each(["/mijn-aanvragen", "/beheer/aanvragen?status=submitted&pagina=2", "/aanvragen/nieuw#stap-2"])("keeps the same-site path %s", (value) => {
    expect(safeRedirectPath(value, "/", BASE)).toBe(value);
  });

  // Each of these takes a browser to another site, or runs script, when used as Location.
  it.each([
    "/\t/evil.example/",
    "/\n/evil.example/",
    "/\r/evil.example/",
    "/%09/evil.example/",
    "/%0a/evil.example/",
    "/%0D/evil.example/",
    "/%5C/evil.example/",
    "/%5c%5cevil.example/",
    "///evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "/\\/evil.example/",
    "\\\\evil.example",
    "https:/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/\u0000/evil.example",
    "evil.example",
    "",
    null,
    undefined,
  ])("refuses %j", (value) => {
    expect(safeRedirectPath(value as string | null | undefined, "/fallback", BASE)).toBe("/fallback");
  });

  it("refuses absurdly long values", () => {
    expect(safeRedirectPath(`/${"a".repeat(3000)}`, "/", BASE)).toBe("/");
  });
});
