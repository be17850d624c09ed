import { describe, expect, it } from "vitest";
import { createThoughtTools, parseToolNames } from "../src/tools/thought-tools.js";

const signal = new AbortController().signal;

describe("--tools", () => {
  it("reads comma-separated tool names, each once", () => {
    expect(parseToolNames("calculator, game24,calculator")).toEqual(["calculator", "game24"]);
  });

  it("names the tools it knows when given another", () => {
    expect(() => parseToolNames("calculator,shell")).toThrow(
      'Expected tool names from calculator, javascript, game24, got "shell".',
    );
    expect(() => parseToolNames(",")).toThrow(/got none/);
  });

  it("gives the model the tools of @deliberate/tools under their CLI names", async () => {
    const [calculator, javascript, game24] = await createThoughtTools([
      "calculator",
      "javascript",
      "game24",
    ]);
    expect([calculator?.name, javascript?.name, game24?.name]).toEqual([
      "calculator",
      "javascript",
      "game24",
    ]);
    await expect(calculator?.call("2 * (3 + 4)", { signal })).resolves.toBe("14");
    await expect(javascript?.call("2 ** 10", { signal })).resolves.toBe("value: 1024");
    expect(game24?.description).toMatch(/JSON object with the fields expression, numbers/);
    await expect(
      game24?.call('{"expression": "(13 - 9) * (10 - 4)", "numbers": [4, 9, 10, 13]}', { signal }),
    ).resolves.toBe("correct: (13 - 9) * (10 - 4) = 24");
  });
});
