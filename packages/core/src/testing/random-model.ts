import type { Model, ModelRequest } from "../model/model.js";
import { createRandom } from "../random.js";
import { measureTestUsage, shapeReply } from "./count-words.js";

export interface RandomModelOptions {
  /** Words the model draws from. @default a small English vocabulary */
  readonly words?: readonly string[];
  /** Chance that a completion is a final answer line. @default 0.2 */
  readonly answerRate?: number;
  /** Answers drawn from. @default ["1", "2", "3", "4"] */
  readonly answers?: readonly string[];
  /** Milliseconds each call takes. @default 0 */
  readonly latencyMs?: number;
}

const WORDS = [
  "first",
  "then",
  "count",
  "add",
  "the",
  "two",
  "numbers",
  "check",
  "so",
  "we",
  "get",
  "next",
];

/**
 * A seeded random model: each completion depends only on the request's seed and the completion's
 * index, so a search with a fixed seed is reproducible. Good for property tests and benchmarks of
 * the engine itself. Its value answers are random scale words; it scores options uniformly at random.
 */
export function createRandomModel(options: RandomModelOptions = {}): Model {
  const words = options.words ?? WORDS;
  const answers = options.answers ?? ["1", "2", "3", "4"];
  const answerRate = options.answerRate ?? 0.2;
  const pick = <T>(random: () => number, list: readonly T[]) =>
    list[Math.floor(random() * list.length)] as T;
  return {
    id: "random",
    async generate(request: ModelRequest) {
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      if (request.signal?.aborted) throw request.signal.reason;
      const completions = Array.from({ length: request.n ?? 1 }, (_, index) => {
        const random = createRandom((request.seed ?? 0) * 7919 + index);
        const choice =
          request.constraint?.kind === "choice" ? request.constraint.options : undefined;
        const text = choice
          ? pick(random, choice)
          : random() < answerRate
            ? `Final answer: ${pick(random, answers)}`
            : Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(random, words)).join(
                " ",
              );
        return shapeReply(text, request.stop, request.maxTokens);
      });
      const prompt = request.segments.map((segment) => segment.text).join("");
      const texts = completions.map((completion) => completion.text);
      return { completions, usage: measureTestUsage(prompt, texts, options.latencyMs ?? 0) };
    },
  };
}
