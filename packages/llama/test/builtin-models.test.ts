import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLlamaError } from "../src/errors.js";
import {
  listBuiltinModels,
  loadModel,
  locateBuiltinModel,
  registerBuiltinModel,
  resolveModelSource,
} from "../src/index.js";
import { quickModelOptions } from "./inference-fixture.js";

// This file never imports @deliberate/tiny-reasoner: `builtin:tiny-reasoner` must be found through
// the plug-in import of @deliberate/<name>, as in an app that installed the package but never
// imported it.

let dir: string;
let tinyPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "deliberate-builtin-"));
  tinyPath = (await resolveModelSource("synthetic:tiny", { cacheDir: dir })).path;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("registerBuiltinModel", () => {
  it("makes builtin:<name> load the registered file and lists it", async () => {
    registerBuiltinModel({ name: "test-tiny", path: tinyPath, description: "a test model" });
    expect(listBuiltinModels()).toContainEqual({
      name: "test-tiny",
      path: tinyPath,
      description: "a test model",
    });
    expect(await resolveModelSource("builtin:test-tiny")).toEqual({
      path: tinyPath,
      kind: "builtin",
      synthetic: false,
    });
    const model = await loadModel({
      model: "builtin:test-tiny",
      ...quickModelOptions,
      branches: 1,
    });
    try {
      expect(model.id).toBe("builtin:test-tiny");
    } finally {
      await model.dispose();
    }
  });

  it("accepts the same model twice and refuses another file under a taken name", () => {
    const model = { name: "test-twice", path: tinyPath, description: "twice" };
    registerBuiltinModel(model);
    registerBuiltinModel({ ...model });
    expect(() => registerBuiltinModel({ ...model, path: join(dir, "other.gguf") })).toThrow(
      /Expected builtin:test-twice once, got it registered with .* and again with .*other\.gguf/,
    );
  });

  it.each([
    [{ name: "Big Model", path: "/m.gguf" }, /name of lowercase letters, digits and hyphens/],
    [{ name: "../up", path: "/m.gguf" }, /name of lowercase letters/],
    [{ name: "relative", path: "models/m.gguf" }, /absolute GGUF path for builtin:relative/],
  ])("refuses %o with INVALID_OPTION", (model, message) => {
    let error: unknown;
    try {
      registerBuiltinModel({ ...model, description: "" });
    } catch (caught) {
      error = caught;
    }
    expect(isLlamaError(error, "INVALID_OPTION")).toBe(true);
    expect(String(error)).toMatch(message);
  });
});

describe("loadModel with builtin:<name>", () => {
  it("loads builtin:tiny-reasoner, importing @deliberate/tiny-reasoner to find it", async () => {
    const model = await loadModel({
      model: "builtin:tiny-reasoner",
      ...quickModelOptions,
      branches: 1,
    });
    try {
      // The name the CLI and `deliberate models` use, not the file's: the tree and viewer say it too.
      expect(model.id).toBe("builtin:tiny-reasoner");
      expect(model.synthetic).toBe(false);
      expect(existsSync(model.file.path)).toBe(true);
      expect(model.file.path).toMatch(/packages\/tiny-reasoner\/models\/tiny-reasoner\.gguf$/);
      expect(listBuiltinModels().map((entry) => entry.name)).toContain("tiny-reasoner");
    } finally {
      await model.dispose();
    }
  });

  it("says which package to install for a name nobody registers", async () => {
    const error = await loadModel({ model: "builtin:no-such-model" }).catch(
      (caught: unknown) => caught,
    );
    expect(isLlamaError(error, "UNKNOWN_BUILTIN")).toBe(true);
    expect(String(error)).toMatch(
      /Expected a registered built-in model \(.*\), got "builtin:no-such-model": @deliberate\/no-such-model is not installed\. Install and import the package that ships the model/,
    );
  });

  it("says so when the package of that name is installed but registers no such model", async () => {
    const error = await locateBuiltinModel("builtin:core").catch((caught: unknown) => caught);
    expect(isLlamaError(error, "UNKNOWN_BUILTIN")).toBe(true);
    expect(String(error)).toContain("@deliberate/core is installed but registers no such model");
  });

  it.each(["builtin:../llama", "builtin:Tiny-Reasoner", "builtin:", "builtin:a/b"])(
    "imports nothing for %s, which is no package name",
    async (spec) => {
      const error = await locateBuiltinModel(spec).catch((caught: unknown) => caught);
      expect(isLlamaError(error, "UNKNOWN_BUILTIN")).toBe(true);
      expect(String(error)).toContain("is not a package name");
    },
  );

  it("says the file is missing when a registered model's file is gone", async () => {
    registerBuiltinModel({
      name: "test-gone",
      path: join(dir, "gone.gguf"),
      description: "a model whose file was never installed",
    });
    const error = await loadModel({ model: "builtin:test-gone" }).catch(
      (caught: unknown) => caught,
    );
    expect(isLlamaError(error, "MODEL_NOT_FOUND")).toBe(true);
    expect(String(error)).toContain(join(dir, "gone.gguf"));
  });
});
