import { type LlamaModel, loadModel } from "@deliberate/llama";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBackToBack, runConcurrent } from "../src/soak/run-soak.js";

/** The short soak: the bench's `npm run bench -- soak` with 100 and 16 questions. */
describe("soak on one loaded synthetic:tiny", () => {
  let model: LlamaModel;
  beforeAll(async () => {
    model = await loadModel({ model: "synthetic:tiny", branches: 8, contextSize: 512, threads: 1 });
  });
  afterAll(() => model.dispose());

  it("answers 100 questions back to back, each on its own prompt, holding nothing more at the end", async () => {
    const report = await runBackToBack(model, 100, { warmUp: 5 });
    expect(report.failed).toBe(0);
    expect(report.leaks).toEqual([]);
    const [first, , last] = report.samples;
    // Counts, not wall-clock or bytes: the pool, the context's sequences, files and handles.
    expect(last?.pool).toEqual(first?.pool);
    expect(first?.pool.sequencesLeft).toBe(0);
    // The heap after a full collection: a leak of one tree a question (tens of kB) would show.
    expect((last?.heapUsedMb ?? 0) - (first?.heapUsedMb ?? 0)).toBeLessThan(8);
  }, 300_000);

  it("completes 16 questions at once, each calling the model with its own tokens only", async () => {
    const report = await runConcurrent(model, 16);
    expect(report.completed).toBe(16);
    expect(report.leaks).toEqual([]);
    // What the model wrote went back to the question that asked, and to no other.
    expect(report.crossTalk).toEqual([]);
    for (const answer of report.answers) expect(answer.nodes).toBe(7);
    expect(report.pool.after).toEqual(report.pool.before);
  }, 300_000);
});
