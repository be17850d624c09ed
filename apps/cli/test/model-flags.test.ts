import type { Result } from "@deliberate/core";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import {
  addModelFlags,
  parseGpu,
  parseGpuLayers,
  pickModelOptions,
} from "../src/options/model-flags.js";
import { formatUsage } from "../src/output/format-result.js";
import { toResultJson } from "../src/output/result-json.js";

function parseFlags(args: readonly string[]) {
  const command = addModelFlags(
    new Command("try").exitOverride().configureOutput({ writeErr: () => {} }),
  );
  command.parse(["node", "try", ...args]);
  return command.opts();
}

describe("--gpu, --gpu-layers and --threads", () => {
  it("reads false as the CPU only and the backends by name", () => {
    expect(parseGpu("false")).toBe(false);
    for (const name of ["auto", "cuda", "vulkan", "metal"]) expect(parseGpu(name)).toBe(name);
    expect(() => parseGpu("rocm")).toThrow(
      'Expected one of auto, cuda, vulkan, metal, false, got "rocm".',
    );
    expect(() => parseGpu("true")).toThrow(/got "true"/);
  });

  it("reads a layer count, auto or max", () => {
    expect(parseGpuLayers("0")).toBe(0);
    expect(parseGpuLayers("33")).toBe(33);
    expect(parseGpuLayers("max")).toBe("max");
    expect(parseGpuLayers("auto")).toBe("auto");
    expect(() => parseGpuLayers("-1")).toThrow(
      'Expected a layer count ≥ 0, auto or max, got "-1".',
    );
    expect(() => parseGpuLayers("all")).toThrow(/got "all"/);
  });

  it("leaves every flag unset unless given, so loadModel picks for the backend it finds", () => {
    expect(pickModelOptions(parseFlags([]))).toEqual({});
    expect(parseFlags(["--gpu", "false", "--gpu-layers", "0", "--threads", "2"])).toEqual({
      gpu: false,
      gpuLayers: 0,
      threads: 2,
    });
  });
});

describe("the backend in the result", () => {
  const result = {
    answer: "24",
    verified: true,
    stopReason: "solved",
    best: { score: 1, path: [] },
    tree: { question: "q", task: "game24", strategy: "beam", device: "cuda" },
    usage: { promptTokens: 1, generatedTokens: 2, calls: 3, nodes: 4, elapsedMs: 5 },
  } as unknown as Result;

  it("ends the usage line with the device the calls ran on", () => {
    expect(formatUsage(result)).toMatch(/ · 3 model calls on cuda$/);
  });

  it("is the device field of --json", () => {
    expect(toResultJson(result, { model: "m" })).toMatchObject({ model: "m", device: "cuda" });
    const { device: _device, ...tree } = result.tree;
    expect(toResultJson({ ...result, tree } as Result, { model: "m" }).device).toBeNull();
  });
});
