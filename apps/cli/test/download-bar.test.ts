import { afterEach, describe, expect, it, vi } from "vitest";
import { createDownloadBar } from "../src/ui/download-bar.js";

describe("createDownloadBar", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("writes one line when a download starts and one when it ends, off a terminal", () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((text) => {
      lines.push(String(text));
      return true;
    });
    const bar = createDownloadBar("downloading hf:x", {
      interactive: false,
      color: false,
      columns: 80,
    });
    bar.update({ downloadedBytes: 0, totalBytes: 10 * 1024 ** 2 });
    bar.update({ downloadedBytes: 5 * 1024 ** 2, totalBytes: 10 * 1024 ** 2 });
    bar.update({ downloadedBytes: 10 * 1024 ** 2, totalBytes: 10 * 1024 ** 2 });
    bar.stop();
    expect(lines).toEqual(["downloading hf:x: 10.0 MB\n", "downloading hf:x: done, 10.0 MB\n"]);
  });

  it("writes nothing for a model that needed no download", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    createDownloadBar("downloading hf:x", { interactive: false, color: false, columns: 80 }).stop();
    expect(write).not.toHaveBeenCalled();
  });
});
