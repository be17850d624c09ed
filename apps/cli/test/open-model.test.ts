import { LlamaError } from "@deliberate/llama";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { CliError } from "../src/cli-error.js";
import { DEFAULT_MODEL } from "../src/model/default-model.js";
import { openModel } from "../src/model/open-model.js";

const llama = vi.hoisted(() => ({
  resolveModelSource: vi.fn(),
  loadModel: vi.fn(),
}));

vi.mock("@deliberate/llama", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@deliberate/llama")>()),
  resolveModelSource: llama.resolveModelSource,
  loadModel: llama.loadModel,
}));

const terminal = { interactive: false, color: false, columns: 80 };
const offline = new LlamaError(
  "OFFLINE",
  "Expected to download it, got no connection to its host (ENOTFOUND): this machine looks offline. Pass a local file with --model <file>, or use synthetic:tiny, which needs no network.",
);

describe("openModel", () => {
  beforeEach(() => {
    llama.resolveModelSource.mockReset();
    llama.loadModel.mockReset().mockResolvedValue({ id: "llama:x.gguf" });
  });

  it("says that the default model could not be fetched offline, and names the ways forward", async () => {
    llama.resolveModelSource.mockRejectedValue(offline);
    const opening = openModel(DEFAULT_MODEL, { threads: 1, terminal, notify: () => {} });
    await expect(opening).rejects.toBeInstanceOf(CliError);
    await expect(opening).rejects.toThrow(
      /^No --model given, and the default model could not be fetched on first use\. .*offline.*--model <file>.*synthetic:tiny/,
    );
  });

  it("passes the download error of a model the user named through unchanged", async () => {
    llama.resolveModelSource.mockRejectedValue(offline);
    const opening = openModel("hf:someone/model", { threads: 1, terminal, notify: () => {} });
    await expect(opening).rejects.toBe(offline);
  });

  it("notes in one line that a synthetic model has random weights, then loads it by its name", async () => {
    llama.resolveModelSource.mockResolvedValue({
      path: "/cache/tiny.gguf",
      kind: "synthetic",
      synthetic: true,
    });
    const notes: string[] = [];
    await openModel("synthetic:tiny", { threads: 2, terminal, notify: (line) => notes.push(line) });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^note: synthetic:tiny has random weights/);
    // By its name, so the loaded model's id is "synthetic:tiny" and not the cached file's.
    expect(llama.loadModel).toHaveBeenCalledWith({ model: "synthetic:tiny", threads: 2 });
  });
});
