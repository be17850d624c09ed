import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";

describe("deliberate pull and models", () => {
  it("pulls a model into the cache, checks it, and lists it", async () => {
    const pull = await runCli(["pull", "synthetic:tiny", "--json"]);
    expect(pull.code, pull.stderr).toBe(0);
    const pulled = JSON.parse(pull.stdout);
    expect(pulled).toMatchObject({
      model: "synthetic:tiny",
      kind: "synthetic",
      synthetic: true,
      architecture: "llama",
    });
    expect(existsSync(pulled.path)).toBe(true);

    const models = await runCli(["models", "--json"]);
    expect(models.code, models.stderr).toBe(0);
    const shown = JSON.parse(models.stdout) as {
      device: string;
      models: { model: string; path: string; builtin: boolean }[];
    };
    const listed = shown.models;
    expect(listed.find((entry) => entry.model === "synthetic:tiny")?.path).toBe(pulled.path);
    expect(listed[0]).toMatchObject({ model: "builtin:tiny-reasoner", builtin: true });
    expect(existsSync(listed[0]?.path ?? "")).toBe(true);
  });
});
