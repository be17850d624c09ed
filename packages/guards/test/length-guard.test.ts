import { describe, expect, it } from "vitest";
import { createLengthGuard, GuardError } from "../src/index.js";

describe("createLengthGuard", () => {
  it("passes an input at the character limit and flags one over it, counting code points", async () => {
    const guard = createLengthGuard({ maxCharacters: 3 });
    expect(await guard.check("a😀c")).toEqual({
      ok: true,
      guard: "length",
      measurement: { kind: "length", characters: 3 },
    });
    expect(await guard.check("abcd")).toMatchObject({
      ok: false,
      reason: "Expected at most 3 characters, got 4.",
    });
  });

  it("limits 8000 characters by default", async () => {
    const guard = createLengthGuard();
    expect((await guard.check("x".repeat(8000))).ok).toBe(true);
    expect((await guard.check("x".repeat(8001))).ok).toBe(false);
  });

  it("counts tokens only for inputs within the character limit", async () => {
    const counted: string[] = [];
    const guard = createLengthGuard({
      maxCharacters: 20,
      maxTokens: 2,
      countTokens: (text) => {
        counted.push(text);
        return text.split(" ").length;
      },
    });
    expect(await guard.check("one two")).toMatchObject({
      ok: true,
      measurement: { characters: 7, tokens: 2 },
    });
    expect(await guard.check("one two three")).toMatchObject({
      ok: false,
      reason: "Expected at most 2 tokens, got 3.",
    });
    expect((await guard.check("x".repeat(21))).ok).toBe(false);
    expect(counted).toEqual(["one two", "one two three"]);
  });

  it("refuses bad limits and a token limit with no way to count tokens", () => {
    expect(() => createLengthGuard({ maxCharacters: 0 })).toThrow(
      /positive integer, got 0 \(number\)/,
    );
    expect(() => createLengthGuard({ maxTokens: 10 })).toThrow(GuardError);
    expect(() => createLengthGuard({ maxTokens: 1.5, countTokens: () => 1 })).toThrow(
      /`maxTokens`/,
    );
  });
});
