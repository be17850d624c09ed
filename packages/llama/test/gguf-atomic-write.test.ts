import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileAtomically } from "../src/gguf/write-file-atomic.js";
import { makeTempDir } from "./gguf-fixture.js";

describe("writeFileAtomically", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await makeTempDir()));
  afterAll(() => remove());

  it("shows no file at the target while writing, then the whole file", async () => {
    const path = join(dir, "nested", "model.gguf");
    let release = () => {};
    const halfway = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reachedHalfway = () => {};
    const atHalfway = new Promise<void>((resolve) => {
      reachedHalfway = resolve;
    });
    const writing = writeFileAtomically(path, async (handle) => {
      await handle.write(Buffer.from("first half, "));
      reachedHalfway();
      await halfway;
      await handle.write(Buffer.from("second half"));
    });
    await atHalfway;
    expect(existsSync(path)).toBe(false);
    release();
    await writing;
    expect(await readFile(path, "utf8")).toBe("first half, second half");
    expect(await readdir(join(dir, "nested"))).toEqual(["model.gguf"]);
  });

  it("keeps the previous file when a rewrite fails, and removes the temporary one", async () => {
    const path = join(dir, "kept.gguf");
    await writeFileAtomically(path, (handle) =>
      handle.write(Buffer.from("good")).then(() => undefined),
    );
    const failing = writeFileAtomically(path, async (handle) => {
      await handle.write(Buffer.from("bad"));
      throw new Error("disk full");
    });
    await expect(failing).rejects.toThrow("disk full");
    expect(await readFile(path, "utf8")).toBe("good");
    expect((await readdir(dir)).filter((file) => file.startsWith("kept"))).toEqual(["kept.gguf"]);
  });
});
