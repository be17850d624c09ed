import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readGgufHeader } from "../src/gguf/read-gguf-header.js";
import { inspectModelFile } from "../src/resolve/inspect-model-file.js";
import { makeTempDir, writeSmallModel } from "./gguf-fixture.js";

/**
 * Loads each file given and decodes a token, printing one line per file; run as a child, since
 * a file llama.cpp aborts on kills the process. A script file, not `node -e` (node-llama-cpp's
 * binary self-test re-runs the process's own arguments).
 */
const loadEach = (entry: string) => `
const { getLlama } = await import(${JSON.stringify(entry)});
const llama = await getLlama({ gpu: false, build: "never", maxThreads: 2 });
for (const path of process.argv.slice(2)) {
  try {
    const model = await llama.loadModel({ modelPath: path });
    const context = await model.createContext({ threads: 1, contextSize: 32 });
    await context.getSequence().evaluateWithoutGeneratingNewTokens(model.tokenize("hello"));
    await context.dispose();
    await model.dispose();
    console.log("loaded", path);
  } catch (error) {
    console.log("refused", path);
  }
}
await llama.dispose();
`;

const MUTANTS = 40;

describe("files the header check accepts, handed to llama.cpp", () => {
  let dir: string;
  let remove: () => Promise<void>;
  let script: string;
  let original: Buffer;
  beforeAll(async () => {
    ({ dir, remove } = await makeTempDir());
    const entry = pathToFileURL(createRequire(import.meta.url).resolve("node-llama-cpp")).href;
    script = join(dir, "load-each.mjs");
    await writeFile(script, loadEach(entry));
    original = await readFile(await writeSmallModel(dir, "small.gguf"));
  });
  afterAll(() => remove());

  it("refuses a vocabulary with a repeated token (one flipped bit), on which llama.cpp aborts", async () => {
    // <0x41> becomes a second <0x40>.
    const mutant = Buffer.from(original);
    const at = mutant.indexOf("<0x41>", 0, "latin1") + 4;
    mutant[at] = (mutant[at] ?? 0) ^ 1;
    const path = join(dir, "repeated-token.gguf");
    await writeFile(path, mutant);
    await expect(inspectModelFile(path)).rejects.toMatchObject({
      code: "LOAD_FAILED",
      message: expect.stringMatching(
        /Expected distinct tokens in `tokenizer\.ggml\.tokens` of .*, got token 68 equal to token 67 \("<0x40>"\): llama\.cpp would abort/,
      ),
    });
    const child = spawnSync(process.execPath, [script, path], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(child.stdout).not.toContain("loaded");
    expect(child.status === 134 || child.signal === "SIGABRT").toBe(true);
    expect(child.stderr).toContain("id_to_token.size() == token_to_id.size()");
  }, 90_000);

  it("never abort the process: one-bit flips in a generated model's header that pass inspectModelFile", async () => {
    const headerBytes = (await readGgufHeader(join(dir, "small.gguf"))).tensors[0]?.fileOffset ?? 0;
    const flips = fc.sample(
      fc.array(fc.tuple(fc.nat({ max: headerBytes - 1 }), fc.nat({ max: 7 })), {
        minLength: 1,
        maxLength: 3,
      }),
      { numRuns: 1500, seed: 7 },
    );
    const accepted: string[] = [];
    for (const [index, mutation] of flips.entries()) {
      if (accepted.length === MUTANTS) break;
      const mutant = Buffer.from(original);
      for (const [byte, bit] of mutation) mutant[byte] = (mutant[byte] ?? 0) ^ (1 << bit);
      const path = join(dir, `mutant-${index}.gguf`);
      await writeFile(path, mutant);
      if (
        await inspectModelFile(path).then(
          () => true,
          () => false,
        )
      )
        accepted.push(path);
    }
    expect(accepted).toHaveLength(MUTANTS);

    const child = spawnSync(process.execPath, [script, ...accepted], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(child.signal, child.stderr.slice(-500)).toBeNull();
    expect(child.status, child.stderr.slice(-500)).toBe(0);
    expect(child.stdout.trim().split("\n")).toHaveLength(MUTANTS);
  }, 180_000);
});
