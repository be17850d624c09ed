import { DynamicTool, tool } from "@langchain/core/tools";
import { describe, expect, it } from "vitest";
import { toThoughtTool } from "../src/index.js";

const signal = new AbortController().signal;

describe("toThoughtTool", () => {
  it("hands a DynamicTool the model's line as its string input", async () => {
    const shout = toThoughtTool(
      new DynamicTool({
        name: "shout",
        description: "Shouts.",
        func: async (input) => input.toUpperCase(),
      }),
    );
    expect(shout).toMatchObject({ name: "shout", description: "Shouts." });
    await expect(shout.call("hi there", { signal })).resolves.toBe("HI THERE");
  });

  it("parses the line as JSON arguments for a tool of several fields, and names them", async () => {
    const add = toThoughtTool(
      tool(({ a, b }: { a: number; b: number }) => String(a + b), {
        name: "add",
        description: "Adds two numbers.",
        schema: {
          type: "object",
          properties: { a: { type: "number" }, b: { type: "number" } },
          required: ["a", "b"],
        },
      }),
    );
    expect(add.description).toBe("Adds two numbers. Input: a JSON object with the fields a, b.");
    await expect(add.call('{"a": 2, "b": 3}', { signal })).resolves.toBe("5");
    await expect(add.call("2 + 3", { signal })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/JSON object with the fields a, b/),
    });
    await expect(add.call('{"a": "x"}', { signal })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/did not match expected schema/),
    });
  });

  it("throws a failure the tool reports in its artifact, with the tool's own code", async () => {
    const failing = toThoughtTool(
      tool(
        () => ["Error (TOO_LARGE): too big", { ok: false, code: "TOO_LARGE", message: "too big" }],
        {
          name: "big",
          description: "Fails.",
          schema: { type: "object", properties: { q: { type: "string" } } },
          responseFormat: "content_and_artifact",
        },
      ),
    );
    await expect(failing.call("x", { signal })).rejects.toMatchObject({
      code: "TOO_LARGE",
      message: "too big",
    });
  });

  it("refuses a name the call syntax cannot carry unless given another", () => {
    const spaced = new DynamicTool({ name: "web search", description: "", func: async () => "" });
    expect(() => toThoughtTool(spaced)).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
    expect(toThoughtTool(spaced, { name: "search" }).name).toBe("search");
  });
});
