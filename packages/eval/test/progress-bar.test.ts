import { describe, expect, it } from "vitest";
import { createProgressBar, type EvaluationProgress, formatProgressLine } from "../src/index.js";

const at = (done: number, total = 20): EvaluationProgress => ({
  done,
  total,
  elapsedMs: done * 1000,
  etaMs: (total - done) * 1000,
  method: "tot-b5",
  budgetMs: 2000,
  case: "901: 4 5 6 10",
});

function createStream(isTTY: boolean) {
  const chunks: string[] = [];
  return {
    chunks,
    stream: Object.assign(
      {
        write(chunk: string) {
          chunks.push(chunk);
          return true;
        },
      } as unknown as NodeJS.WritableStream,
      { isTTY, columns: 200 },
    ),
  };
}

describe("formatProgressLine", () => {
  it("shows the count, the share, the ETA and what just finished", () => {
    const line = formatProgressLine(at(5));
    expect(line).toMatch(
      /^█{6}░{18} 5\/20 25% · 5.00s elapsed · ETA 15.0s · tot-b5 @ 2s · 901: 4 5 6 10$/,
    );
    expect(formatProgressLine({ ...at(0), etaMs: undefined })).toContain("ETA ?");
  });
});

describe("createProgressBar", () => {
  it("redraws one line on a terminal and ends it on stop", () => {
    const { chunks, stream } = createStream(true);
    const bar = createProgressBar(stream);
    for (let done = 1; done <= 20; done++) bar.update(at(done));
    bar.stop();
    expect(chunks).toHaveLength(21);
    expect(chunks.slice(0, 20).every((chunk) => chunk.startsWith("\r"))).toBe(true);
    expect(chunks.at(-1)).toBe("\n");
  });

  it("prints the first line, then one a tenth of the way, elsewhere", () => {
    const { chunks, stream } = createStream(false);
    const bar = createProgressBar(stream);
    for (let done = 1; done <= 20; done++) bar.update(at(done));
    bar.stop();
    expect(chunks).toHaveLength(11);
    expect(chunks.at(-1)).toContain("20/20 100%");
    expect(chunks.every((chunk) => chunk.endsWith("\n") && !chunk.includes("\r"))).toBe(true);
  });
});
