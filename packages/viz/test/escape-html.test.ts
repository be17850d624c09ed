import { describe, expect, it } from "vitest";
import { escapeHtml, serializeForScript } from "../src/index.js";
import { HOSTILE_TEXTS } from "../src/testing/index.js";

describe("serializeForScript", () => {
  it("round-trips every hostile text through JSON.parse", () => {
    const value = { texts: HOSTILE_TEXTS, nested: [{ text: "</SCRIPT >" }] };
    expect(JSON.parse(serializeForScript(value))).toEqual(value);
  });

  it("writes no character that could end or confuse a script element", () => {
    const out = serializeForScript({ texts: HOSTILE_TEXTS });
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out).toContain("\\u003c/script\\u003e");
  });
});

describe("escapeHtml", () => {
  it("escapes markup, quotes and backticks", () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">\``)).toBe(
      "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&#96;",
    );
  });

  it("escapes ampersands first so entities stay literal", () => {
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
  });
});
