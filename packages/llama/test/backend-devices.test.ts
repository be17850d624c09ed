import { availableParallelism } from "node:os";
import { think } from "@deliberate/core";
import { getLlamaGpuTypes } from "node-llama-cpp";
import { beforeAll, describe, expect, it } from "vitest";
import { chooseDeviceSettings } from "../src/backend/device-settings.js";
import { isLlamaError } from "../src/errors.js";
import { detectDevice, loadLlama, loadModel } from "../src/index.js";
import { testModel } from "./inference-fixture.js";

// These tests run where node-llama-cpp finds no usable GPU (the project's machines): "auto" must
// come down to the CPU, and every named GPU backend must fail clearly.
let cpuOnly = false;
beforeAll(async () => {
  cpuOnly = (await getLlamaGpuTypes("supported")).every((type) => type === false);
});

const small = { branches: 1, contextSize: 128 } as const;

// The first load of the file is "auto": a `false` binding loaded before would be shared with it
// and hide whether the thread limit is applied to an "auto" that landed on the CPU.
describe("loadModel on the CPU fallback", () => {
  it("keeps an auto binding that landed on the CPU to no more threads than cores", async (context) => {
    if (!cpuOnly) context.skip();
    const llama = await loadLlama({ gpu: "auto" });
    expect(llama.gpu).toBe(false);
    // node-llama-cpp's own limit on the CPU is max(4, cores): 50–100× slower on 2 cores.
    expect(llama.maxThreads).toBe(availableParallelism());
    expect(await loadLlama({ gpu: false })).toBe(llama);
  });

  it("comes down to the CPU with gpu: auto (the default) where no GPU is usable", async (context) => {
    if (!cpuOnly) context.skip();
    const model = await loadModel({ model: testModel, ...small, gpuLayers: 8 });
    try {
      expect(model.device).toBe("cpu");
      // A layer count meant for a GPU is dropped on the CPU, not an error.
      expect(model.gpuLayers).toBe(0);
      expect(model.native.context.idealThreads).toBe(1);
    } finally {
      await model.dispose();
    }
  });

  it("runs on the CPU with gpu: false, no layers offloaded and one thread per decode", async () => {
    const model = await loadModel({ model: testModel, ...small, gpu: false });
    try {
      expect(model.device).toBe("cpu");
      expect(model.gpuLayers).toBe(0);
      expect(model.native.context.idealThreads).toBe(1);
    } finally {
      await model.dispose();
    }
  });

  it("takes the threads it is given on the CPU", async () => {
    const model = await loadModel({ model: testModel, ...small, gpu: false, threads: 2 });
    try {
      expect(model.native.context.idealThreads).toBe(2);
    } finally {
      await model.dispose();
    }
  });

  it("records the device in the saved tree of a search", async () => {
    const model = await loadModel({ model: testModel, branches: 2, contextSize: 256 });
    try {
      const result = await think("Name a colour of the sky.", {
        model,
        strategy: { name: "beam", width: 1, branching: 2 },
        maxDepth: 1,
        maxStepTokens: 4,
        evaluationSamples: 1,
        budget: { nodes: 3 },
      });
      expect(result.tree.device).toBe(model.device);
      expect(result.tree.model).toBe(model.id);
    } finally {
      await model.dispose();
    }
  });
});

describe("a named GPU backend that is missing", () => {
  it.for(["cuda", "vulkan", "metal"] as const)(
    "fails with BACKEND_UNAVAILABLE for gpu: %s and says what to use",
    async (gpu, context) => {
      if (!cpuOnly) context.skip();
      const error = await loadModel({ model: testModel, ...small, gpu }).catch(
        (caught: unknown) => caught,
      );
      expect(isLlamaError(error, "BACKEND_UNAVAILABLE")).toBe(true);
      expect(String(error)).toMatch(
        new RegExp(
          `Expected the ${gpu} backend, got .*node-llama-cpp finds cpu.*use gpu: "auto" or false`,
        ),
      );
      await expect(detectDevice(gpu)).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
    },
  );
});

describe("chooseDeviceSettings", () => {
  it("leaves a GPU's layers and threads to node-llama-cpp unless given", () => {
    for (const device of ["cuda", "vulkan", "metal"] as const) {
      expect(chooseDeviceSettings(device, {})).toEqual({ gpuLayers: "auto", threads: undefined });
      expect(chooseDeviceSettings(device, { gpuLayers: 12, threads: 3 })).toEqual({
        gpuLayers: 12,
        threads: 3,
      });
    }
  });

  it("puts no layer on a GPU the CPU does not have, and one thread per decode by default", () => {
    expect(chooseDeviceSettings("cpu", { gpuLayers: "max" })).toEqual({ gpuLayers: 0, threads: 1 });
    expect(chooseDeviceSettings("cpu", { threads: 2 })).toEqual({ gpuLayers: 0, threads: 2 });
  });
});

describe("detectDevice", () => {
  it("says which backend a choice loads, without a model", async (context) => {
    if (!cpuOnly) context.skip();
    expect(await detectDevice()).toEqual({ gpu: "auto", device: "cpu", gpuNames: [] });
    expect(await detectDevice(false)).toEqual({ gpu: false, device: "cpu", gpuNames: [] });
  });
});

describe("gpu and gpuLayers options", () => {
  it.each([
    [
      { gpu: "rocm" },
      'Expected `gpu` to be one of "auto", "cuda", "vulkan", "metal", false, got `rocm` (string).',
    ],
    [{ gpu: true }, "Expected `gpu` to be one of"],
    [
      { gpuLayers: -1 },
      'Expected `gpuLayers` to be an integer ≥ 0, "auto" or "max", got `-1` (number).',
    ],
    [{ gpuLayers: 2.5 }, "Expected `gpuLayers` to be an integer ≥ 0"],
    [{ gpuLayers: "all" }, "Expected `gpuLayers` to be an integer ≥ 0"],
    [{ gpu: false, gpuLayers: 10 }, 'Expected `gpuLayers` to be 0 or "auto" with gpu: false'],
    [{ gpu: false, gpuLayers: "max" }, 'Expected `gpuLayers` to be 0 or "auto" with gpu: false'],
  ])("rejects %o with INVALID_OPTION before loading anything", async (bad, message) => {
    const error = await loadModel({ model: testModel, ...(bad as object) }).catch(
      (caught: unknown) => caught,
    );
    expect(isLlamaError(error, "INVALID_OPTION")).toBe(true);
    expect(String(error)).toContain(message);
  });

  it("rejects a bad choice in detectDevice too", async () => {
    await expect(detectDevice("opencl" as never)).rejects.toMatchObject({ code: "INVALID_OPTION" });
  });
});
