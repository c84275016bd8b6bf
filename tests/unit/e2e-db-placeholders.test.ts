// The browser tests write SQL once with `?` (tests/e2e/db.ts); PostgreSQL gets `$1..$n`.
import { describe, expect, it } from "vitest";
import { toPostgresPlaceholders } from "../e2e/db";

describe("toPostgresPlaceholders", () => {
  it("numbers each ? in order", () => {
    expect(toPostgresPlaceholders("SELECT * FROM t WHERE a = ? AND b IN (?, ?)")).toBe("SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)");
  });

  it("leaves a ? inside quotes alone, doubled quotes included", () => {
    expect(toPostgresPlaceholders(`SELECT 'what?', 'it''s ?', "col?" FROM t WHERE a = ?`)).toBe(`SELECT 'what?', 'it''s ?', "col?" FROM t WHERE a = $1`);
  });

  it("leaves SQL without placeholders as it is", () => {
    expect(toPostgresPlaceholders("SELECT COUNT(*) AS n FROM applications")).toBe("SELECT COUNT(*) AS n FROM applications");
  });
});
