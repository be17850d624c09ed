import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectModelFile } from "../src/resolve/inspect-model-file.js";
import { makeTempDir } from "./gguf-fixture.js";
import { writeF16NormModel } from "./resolve-bad-models.js";

/**
 * Loads a model and decodes a few tokens; run as a child, since a bad file aborts the process.
 * A script file, not `node -e`: node-llama-cpp's binary self-test re-runs the process's own
 * arguments and fails under `-e`.
 */
const loadAndDecode = (entry: string) => `
const { getLlama } = await import(${JSON.stringify(entry)});
const llama = await getLlama({ gpu: false, build: "never", maxThreads: 2 });
const model = await llama.loadModel({ modelPath: process.argv[2] });
const context = await model.createContext({ threads: 1, contextSize: 32 });
await context.getSequence().evaluateWithoutGeneratingNewTokens(model.tokenize("hello"));
console.log("decoded");
await llama.dispose();
`;

describe("a model file that aborts llama.cpp", () => {
  let dir: string;
  let remove: () => Promise<void>;
  let path: string;
  let script: string;
  beforeAll(async () => {
    ({ dir, remove } = await makeTempDir());
    path = await writeF16NormModel(join(dir, "f16-norms.gguf"));
    const entry = pathToFileURL(createRequire(import.meta.url).resolve("node-llama-cpp")).href;
    script = join(dir, "load-and-decode.mjs");
    await writeFile(script, loadAndDecode(entry));
  });
  afterAll(() => remove());

  it("kills the process that loads it natively, here a child, not the test worker", () => {
    const child = spawnSync(process.execPath, [script, path], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(child.stdout).not.toContain("decoded");
    expect(child.status === 134 || child.signal === "SIGABRT").toBe(true);
    expect(child.stderr).toContain("unsupported types");
  });

  it("is refused by inspectModelFile before any native load", async () => {
    await expect(inspectModelFile(path)).rejects.toMatchObject({ code: "LOAD_FAILED" });
  });
});
