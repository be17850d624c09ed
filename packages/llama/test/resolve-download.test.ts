import { copyFile, mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DownloadProgress } from "../src/resolve/download-model.js";
import { listCachedModels } from "../src/resolve/list-cached-models.js";
import { pullModel } from "../src/resolve/pull-model.js";
import { resolveModelSource } from "../src/resolve/resolve-model-source.js";
import { makeTempDir, writeSmallModel } from "./gguf-fixture.js";
import { findClosedPort, type LoopbackServer, startLoopbackServer } from "./resolve-server.js";

const wayOut = /--model <file>.*synthetic:tiny/;

describe("resolveModelSource downloads", () => {
  let cacheDir: string;
  let remove: () => Promise<void>;
  let model: Buffer;
  let server: LoopbackServer;
  let closedPort: number;
  beforeAll(async () => {
    ({ dir: cacheDir, remove } = await makeTempDir());
    model = await readFile(await writeSmallModel(cacheDir, "source.gguf"));
    server = await startLoopbackServer({
      "/models/small.gguf": model,
      "/text/notes.gguf": Buffer.from("just notes"),
    });
    closedPort = await findClosedPort();
  });
  afterAll(async () => {
    await server.close();
    await remove();
  });

  it("downloads an http URL into the models cache, reporting progress", async () => {
    const progress: DownloadProgress[] = [];
    const resolved = await resolveModelSource(`${server.origin}/models/small.gguf`, {
      cacheDir,
      onProgress: (step) => progress.push(step),
    });
    expect(resolved).toEqual({
      path: join(cacheDir, "models", "small.gguf"),
      kind: "download",
      synthetic: false,
    });
    expect((await readFile(resolved.path)).equals(model)).toBe(true);
    expect(progress.at(-1)).toEqual({ downloadedBytes: model.length, totalBytes: model.length });
  });

  it("fails on an HTTP error with DOWNLOAD_FAILED naming the URI, the status and the ways forward", async () => {
    const uri = `${server.origin}/missing/model.gguf`;
    await expect(resolveModelSource(uri, { cacheDir })).rejects.toMatchObject({
      code: "DOWNLOAD_FAILED",
      message: expect.stringMatching(new RegExp(`${uri}.*404`)),
    });
    await expect(resolveModelSource(uri, { cacheDir })).rejects.toThrow(wayOut);
  });

  it("fails at once with OFFLINE when the host refuses, naming the URI and the ways forward", async () => {
    const uri = `http://127.0.0.1:${closedPort}/models/other.gguf`;
    const started = performance.now();
    await expect(resolveModelSource(uri, { cacheDir })).rejects.toMatchObject({
      code: "OFFLINE",
      message: expect.stringMatching(
        new RegExp(`${uri}.*ECONNREFUSED.*--model <file>.*synthetic:tiny`),
      ),
    });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("fails with OFFLINE for an hf: URI when Hugging Face cannot be reached", async () => {
    const uri = "hf:someone/some-model-GGUF:Q4_K_M";
    const endpoints = { huggingFace: `http://127.0.0.1:${closedPort}/` };
    await expect(resolveModelSource(uri, { cacheDir, endpoints })).rejects.toMatchObject({
      code: "OFFLINE",
      message: expect.stringMatching(
        /hf:someone\/some-model-GGUF:Q4_K_M.*--model <file>.*synthetic:tiny/,
      ),
    });
  });

  it("uses a cached hf: download without asking any server", async () => {
    await mkdir(join(cacheDir, "models"), { recursive: true });
    await copyFile(
      join(cacheDir, "source.gguf"),
      join(cacheDir, "models", "hf_someone_repo_model.gguf"),
    );
    const endpoints = { huggingFace: `http://127.0.0.1:${closedPort}/` };
    const resolved = await resolveModelSource("hf:someone/repo/model.gguf", {
      cacheDir,
      endpoints,
    });
    expect(resolved).toEqual({
      path: join(cacheDir, "models", "hf_someone_repo_model.gguf"),
      kind: "download",
      synthetic: false,
    });
  });

  it("uses the cached copy of a URL when its host cannot be reached", async () => {
    const uri = `http://127.0.0.1:${closedPort}/models/small.gguf`;
    const resolved = await resolveModelSource(uri, { cacheDir });
    expect(resolved.path).toBe(join(cacheDir, "models", "small.gguf"));
  });

  it("stops a download in flight when the signal aborts, with ABORTED", async () => {
    const controller = new AbortController();
    const uri = `${server.origin}/slow/small.gguf`;
    const resolving = resolveModelSource(uri, {
      cacheDir: join(cacheDir, "aborted"),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 300);
    await expect(resolving).rejects.toMatchObject({
      code: "ABORTED",
      message: expect.stringContaining(uri),
    });
    expect(await listCachedModels({ cacheDir: join(cacheDir, "aborted") })).toEqual([]);
  });

  it("pulls a model and validates it, and removes a download that is no GGUF", async () => {
    const pulled = await pullModel(`${server.origin}/models/small.gguf`, { cacheDir });
    expect(pulled.info).toMatchObject({ architecture: "llama", bytes: model.length });
    await expect(pullModel(`${server.origin}/text/notes.gguf`, { cacheDir })).rejects.toMatchObject(
      {
        code: "NOT_GGUF",
        message: expect.stringMatching(
          /notes\.gguf to be a GGUF file, got one starting with "just".*removed/,
        ),
      },
    );
  });

  it("lists the cached models, naming synthetic ones by their synthetic: name", async () => {
    await resolveModelSource("synthetic:tiny", { cacheDir });
    const cached = await listCachedModels({ cacheDir });
    expect(cached.map(({ file, synthetic, model: name }) => ({ file, synthetic, name }))).toEqual([
      {
        file: "hf_someone_repo_model.gguf",
        synthetic: false,
        name: join(cacheDir, "models", "hf_someone_repo_model.gguf"),
      },
      { file: "small.gguf", synthetic: false, name: join(cacheDir, "models", "small.gguf") },
      { file: "synthetic-tiny.g2.gguf", synthetic: true, name: "synthetic:tiny" },
    ]);
  });
});
