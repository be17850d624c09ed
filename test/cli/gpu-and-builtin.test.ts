import { detectDevice } from "@deliberate/llama";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";

// Run where node-llama-cpp finds no usable GPU (the project's machines): auto is the CPU.
let cpuOnly = false;
beforeAll(async () => {
  cpuOnly = (await detectDevice("auto")).device === "cpu";
});

const solve = ["solve", "game24", "4 9 10 13", "--think", "2s"];

describe("--gpu", () => {
  it("shows the backend in deliberate models, in text and JSON", async (context) => {
    if (!cpuOnly) context.skip();
    const text = await runCli(["models"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      /^backend: cpu with --gpu auto: node-llama-cpp found no usable GPU/m,
    );
    const json = await runCli(["models", "--json", "--gpu", "false"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ gpu: false, device: "cpu", gpuNames: [] });
  });

  it("says so and exits 1 when a named backend cannot run here", async (context) => {
    if (!cpuOnly) context.skip();
    const run = await runCli([...solve, "--model", "builtin:tiny-reasoner", "--gpu", "vulkan"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: Expected the vulkan backend, got .*; use gpu: "auto" or false \(--gpu auto or --gpu false\)\.$/m,
    );
    const models = await runCli(["models", "--gpu", "cuda"]);
    expect(models.code).toBe(1);
    expect(models.stderr).toMatch(/^error: Expected the cuda backend/);
  });

  it("refuses a bad --gpu or --gpu-layers as a usage error (exit 2)", async () => {
    const backend = await runCli([...solve, "--model", "synthetic:tiny", "--gpu", "rocm"]);
    expect(backend.code).toBe(2);
    expect(backend.stderr).toContain(
      'Expected one of auto, cuda, vulkan, metal, false, got "rocm"',
    );
    const layers = await runCli([
      ...solve,
      "--model",
      "synthetic:tiny",
      "--gpu",
      "false",
      "--gpu-layers",
      "20",
    ]);
    expect(layers.code).toBe(2);
    expect(layers.stderr).toContain('Expected `gpuLayers` to be 0 or "auto" with gpu: false');
  });
});

describe("builtin: models through loadModel", () => {
  it("solves on builtin:tiny-reasoner on the CPU and says where it ran", async () => {
    const run = await runCli([
      ...solve,
      "--model",
      "builtin:tiny-reasoner",
      "--gpu",
      "false",
      "--json",
    ]);
    expect([0, 3], run.stderr).toContain(run.code);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ model: "builtin:tiny-reasoner", device: "cpu", error: null });
  });

  it("refuses an unknown built-in name as a usage error that names the built-in models", async () => {
    const run = await runCli([...solve, "--model", "builtin:huge"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error: Expected a registered built-in model \(builtin:tiny-reasoner\), got "builtin:huge": @deliberate\/huge is not installed\./,
    );
  });
});
