import { describe, expect, it } from "vitest";
import { dispatchIntent, readIntent } from "~/services/intent.server";

const form = (...pairs: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of pairs) f.append(k, v);
  return f;
};

async function status(fn: () => unknown): Promise<number | "no throw"> {
  try {
    await fn();
    return "no throw";
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

describe("intent dispatch", () => {
  it("runs the handler the button named, with the form", async () => {
    const calls: string[] = [];
    const result = await dispatchIntent(form(["intent", "resend"], ["id", "m1"]), {
      resend: async (f) => {
        calls.push(`resend ${f.get("id")}`);
        return "resent";
      },
      remove: async () => {
        calls.push("remove");
        return "removed";
      },
    });
    expect(result).toBe("resent");
    expect(calls).toEqual(["resend m1"]);
  });

  it("answers an unknown, empty, missing or doubled intent with 400 and runs no handler", async () => {
    let ran = false;
    const handlers = { resend: () => (ran = true) };
    for (const f of [
      form(["intent", "delete"]),
      form(["intent", ""]),
      form(),
      form(["intent", "resend"], ["intent", "resend"]),
      form(["intent", "toString"]),
      form(["intent", "__proto__"]),
    ]) {
      expect(await status(() => dispatchIntent(f, handlers))).toBe(400);
    }
    expect(ran).toBe(false);
  });

  it("uses the page's main intent only when the form names none", async () => {
    const handlers = { submit: () => "submit", draft: () => "draft" };
    expect(dispatchIntent(form(), handlers, { whenMissing: "submit" })).toBe("submit");
    expect(dispatchIntent(form(["intent", "draft"]), handlers, { whenMissing: "submit" })).toBe("draft");
    expect(await status(() => dispatchIntent(form(["intent", "bogus"]), handlers, { whenMissing: "submit" }))).toBe(400);
  });

  it("readIntent narrows to the page's intents", () => {
    const intent: "here" | "everywhere" = readIntent(form(["intent", "everywhere"]), ["here", "everywhere"]);
    expect(intent).toBe("everywhere");
    expect(readIntent(form(), ["here", "everywhere"], { whenMissing: "here" })).toBe("here");
    expect(() => readIntent(form(["intent", "elsewhere"]), ["here", "everywhere"])).toThrow(Response);
  });
});
