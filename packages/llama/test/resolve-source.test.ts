import { mkdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveCacheDir } from "../src/resolve/cache-dir.js";
import { classifyModelSource, resolveModelSource } from "../src/resolve/resolve-model-source.js";
import { makeTempDir, writeSmallModel } from "./gguf-fixture.js";

describe("resolveModelSource", () => {
  let dir: string;
  let remove: () => Promise<void>;
  let modelPath: string;
  beforeAll(async () => {
    ({ dir, remove } = await makeTempDir());
    modelPath = await writeSmallModel(dir, "small.gguf");
  });
  afterAll(() => remove());

  it("classifies paths, synthetic names, hf: URIs and http(s) URLs", () => {
    expect(classifyModelSource("./m.gguf")).toBe("file");
    expect(classifyModelSource("C:\\models\\m.gguf")).toBe("file");
    expect(classifyModelSource("synthetic:tiny")).toBe("synthetic");
    expect(classifyModelSource("builtin:tiny-reasoner")).toBe("builtin");
    expect(classifyModelSource("hf:user/model:Q4_K_M")).toBe("download");
    expect(classifyModelSource("https://example.com/m.gguf")).toBe("download");
    expect(classifyModelSource("http://127.0.0.1:8080/m.gguf")).toBe("download");
  });

  it("resolves a relative path against the working directory, and a file: URL", async () => {
    const fromRelative = await resolveModelSource(relative(process.cwd(), modelPath));
    expect(fromRelative).toEqual({ path: modelPath, kind: "file", synthetic: false });
    const fromUrl = await resolveModelSource(pathToFileURL(modelPath).href);
    expect(fromUrl.path).toBe(modelPath);
  });

  it("fails on a missing file with MODEL_NOT_FOUND naming the absolute path and a way out", async () => {
    const missing = join(dir, "nope.gguf");
    await expect(resolveModelSource(missing)).rejects.toMatchObject({
      code: "MODEL_NOT_FOUND",
      message: expect.stringMatching(new RegExp(`${missing}.*no such file.*synthetic:tiny`)),
    });
  });

  it("fails on a directory with MODEL_NOT_FOUND", async () => {
    await mkdir(join(dir, "folder.gguf"));
    await expect(resolveModelSource(join(dir, "folder.gguf"))).rejects.toMatchObject({
      code: "MODEL_NOT_FOUND",
      message: expect.stringContaining("got a directory"),
    });
  });

  it("writes synthetic:<name> into the models folder of the cache directory", async () => {
    const resolved = await resolveModelSource("synthetic:bigram", { cacheDir: dir });
    expect(resolved).toEqual({
      path: join(dir, "models", "synthetic-bigram.g2.gguf"),
      kind: "synthetic",
      synthetic: true,
    });
  });

  it("rejects an empty model option with INVALID_OPTION", async () => {
    await expect(resolveModelSource("  ")).rejects.toMatchObject({ code: "INVALID_OPTION" });
  });

  it("resolves builtin:<name> to the file its package registers, not to a file so named", async () => {
    const resolved = await resolveModelSource("builtin:tiny-reasoner");
    expect(resolved).toMatchObject({ kind: "builtin", synthetic: false });
    expect(resolved.path).toMatch(/tiny-reasoner\/models\/tiny-reasoner\.gguf$/);
  });
});

describe("resolveCacheDir", () => {
  it("prefers the option, then $DELIBERATE_CACHE, then ~/.cache/deliberate", () => {
    const saved = process.env.DELIBERATE_CACHE;
    try {
      process.env.DELIBERATE_CACHE = "/tmp/from-env";
      expect(resolveCacheDir("/tmp/from-option")).toBe("/tmp/from-option");
      expect(resolveCacheDir()).toBe("/tmp/from-env");
      delete process.env.DELIBERATE_CACHE;
      expect(resolveCacheDir()).toMatch(/\.cache\/deliberate$/);
    } finally {
      if (saved === undefined) delete process.env.DELIBERATE_CACHE;
      else process.env.DELIBERATE_CACHE = saved;
    }
  });
});
