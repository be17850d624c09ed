import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LlamaModel, loadModel } from "../src/index.js";
import { quickModelOptions, testModel } from "./inference-fixture.js";

describe("LlamaModel concurrent requests", () => {
  let model: LlamaModel;
  beforeAll(async () => {
    model = await loadModel({ model: testModel, ...quickModelOptions, branches: 3 });
  });
  afterAll(() => model.dispose());

  const questions = [
    "Once upon a time, there was a little girl named Lily.",
    "One day, a big dog ran into the garden.",
    "Tom and Sue went to the park to play.",
    "The cat sat on the mat and looked at the moon.",
    "A little bird lived in a tall tree.",
  ].map((text) => [{ text, trusted: true }]);

  async function askAlone(segments: (typeof questions)[number]) {
    const reply = await model.generate({
      segments,
      maxTokens: 12,
      n: 2,
      temperature: 0.9,
      seed: 5,
    });
    return reply.completions.map((completion) => completion.tokens);
  }

  it("gives every request the same completions as when it runs alone", async () => {
    const alone = [];
    for (const segments of questions) alone.push(await askAlone(segments));
    const together = await Promise.all(questions.map(askAlone));
    expect(together).toEqual(alone);
  });

  it("serves more requests than sequences, first come first served", async () => {
    const order: number[] = [];
    await Promise.all(
      questions.map(async (segments, index) => {
        await model.generate({ segments, maxTokens: 4, n: 3, temperature: 1, seed: index });
        order.push(index);
      }),
    );
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it("scores options while other requests generate", async () => {
    const scoring = model.scoreOptions({ segments: questions[0] ?? [], options: [" She", " He"] });
    const generating = model.generate({
      segments: questions[1] ?? [],
      maxTokens: 8,
      n: 2,
      temperature: 1,
      seed: 2,
    });
    const [scores, reply] = await Promise.all([scoring, generating]);
    expect(scores.probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 6);
    expect(reply.completions).toHaveLength(2);
  });
});
