import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  builtinModels,
  loadTinyReasoner,
  resolveBuiltinModel,
  TINY_REASONER_FILE,
} from "../src/index.js";

describe("the committed tiny reasoner", () => {
  it("matches the sha256 committed beside it", () => {
    const [model] = builtinModels;
    const path = resolveBuiltinModel("builtin:tiny-reasoner") ?? "";
    const recorded = readFileSync(model?.sha256Path ?? "", "utf8")
      .trim()
      .split(/\s+/);
    const actual = createHash("sha256").update(readFileSync(path)).digest("hex");
    expect(recorded).toEqual([actual, TINY_REASONER_FILE]);
  });

  it("sits beside tiny-reasoner-no2.gguf, whose sha256 matches the one committed with it", () => {
    const no2 = new URL("../models/tiny-reasoner-no2.gguf", import.meta.url);
    const recorded = readFileSync(new URL(`${no2.href}.sha256`), "utf8")
      .trim()
      .split(/\s+/);
    const actual = createHash("sha256").update(readFileSync(no2)).digest("hex");
    expect(recorded).toEqual([actual, "tiny-reasoner-no2.gguf"]);
    expect(builtinModels.map((model) => model.name)).toEqual(["tiny-reasoner"]);
  });

  it("resolves with or without the builtin: prefix and leaves other names alone", () => {
    expect(resolveBuiltinModel("builtin:tiny-reasoner")).toMatch(/models\/tiny-reasoner\.gguf$/);
    expect(resolveBuiltinModel("tiny-reasoner")).toBe(resolveBuiltinModel("builtin:tiny-reasoner"));
    expect(resolveBuiltinModel("builtin:gpt-4")).toBeUndefined();
    expect(resolveBuiltinModel("./models/other.gguf")).toBeUndefined();
  });

  it("loads through the API by its built-in name, and refuses names that are not built in", async () => {
    const model = await loadTinyReasoner({ branches: 1 });
    try {
      const reply = await model.scoreOptions({
        segments: [{ text: "4 6 :", trusted: true }],
        options: [" sure", " likely", " impossible"],
      });
      expect(reply.probabilities[0]).toBeGreaterThan(0.5);
    } finally {
      await model.dispose();
    }
    await expect(loadTinyReasoner({ model: "builtin:gpt-4" })).rejects.toThrow(/built-in model/);
  });
});
