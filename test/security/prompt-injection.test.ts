import { readFileSync } from "node:fs";
import { createQuestionTask, type Model, type Result, think } from "@deliberate/core";
import { emptyModelUsage, type ModelReply, type PromptSegment } from "@deliberate/core/model";
import { type LlamaModel, loadModel } from "@deliberate/llama";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EvaluatedTokens, recordEvaluatedTokens } from "./helpers/evaluated-tokens.js";

interface Payload {
  readonly name: string;
  readonly text: string;
}

const corpus = JSON.parse(
  readFileSync(new URL("./fixtures/injection-corpus.json", import.meta.url), "utf8"),
) as Payload[];
const FORGED = "PWNED";

const callFetch: ModelReply = {
  completions: [{ text: "Action: fetch[page]", finishReason: "stop" }],
  usage: { ...emptyModelUsage, calls: 1 },
};

/**
 * A model that passes every request on and keeps its segments: the prompts the engine really sent.
 * With `toolOutput`, a step prompt that has not seen it yet is answered by calling the `fetch` tool
 * instead (a random model would not), so the real model reads the tool's output next.
 */
function recordRequests(
  model: LlamaModel,
  toolOutput?: string,
): { model: Model; prompts: PromptSegment[][] } {
  const prompts: PromptSegment[][] = [];
  return {
    prompts,
    model: {
      id: model.id,
      generate: async (request) => {
        const seen = request.segments.some(
          (segment) => !segment.trusted && segment.text === toolOutput,
        );
        if (toolOutput !== undefined && !seen) return callFetch;
        prompts.push([...request.segments]);
        return model.generate(request);
      },
      scoreOptions: (request) => {
        prompts.push([...request.segments]);
        return model.scoreOptions(request);
      },
    },
  };
}

/** The same prompt with every untrusted text (the question, nothing the model wrote) made plain. */
function withPlainUntrustedText(segments: readonly PromptSegment[]): PromptSegment[] {
  return segments.map((segment) =>
    segment.trusted || segment.tokens ? segment : { ...segment, text: "x" },
  );
}

describe.each(["synthetic:tiny-chat", "synthetic:tiny"])(
  "a prompt-injection corpus as the question and as tool output, on %s",
  (modelName) => {
    let model: LlamaModel;
    let evaluated: EvaluatedTokens;
    let control: Set<number>;
    const countControl = (tokens: readonly number[]) =>
      tokens.filter((token) => control.has(token)).length;

    beforeAll(async () => {
      model = await loadModel({ model: modelName, branches: 4, threads: 1, contextSize: 512 });
      evaluated = recordEvaluatedTokens(model);
      const native = model.native.model;
      control = new Set(
        [...native.iterateAllTokens()].filter((token) => native.getTokenAttributes(token).control),
      );
    });
    afterAll(() => model?.dispose());

    it("has control tokens the corpus spells, so a trusted reading would forge them", () => {
      expect(control.size).toBeGreaterThanOrEqual(2);
      const forging = corpus.filter((payload) => {
        const plain = model.renderPrompt([{ text: payload.text }]);
        const trusted = model.renderPrompt([{ text: payload.text, trusted: true }]);
        return countControl(trusted) > countControl(plain);
      });
      // The protection under test is what keeps these from becoming control tokens.
      expect(forging.length).toBeGreaterThanOrEqual(4);
    });

    /** What llama.cpp read holds no control token from untrusted text, and no forged answer came back. */
    function expectContained(prompts: readonly PromptSegment[][], result: Result): void {
      expect(prompts.length).toBeGreaterThan(0);
      for (const segments of prompts) {
        const tokens = model.renderPrompt(segments);
        // What llama.cpp read is what renderPrompt gives, token for token.
        expect(evaluated.evaluatedPrefix(tokens)).toBe(true);
        // Untrusted text adds not one control token to what the template itself puts there.
        expect(countControl(tokens)).toBe(
          countControl(model.renderPrompt(withPlainUntrustedText(segments))),
        );
      }
      expect(result.answer ?? "").not.toContain(FORGED);
      for (const node of result.tree.nodes) expect(node.answer ?? "").not.toContain(FORGED);
    }

    const settings = {
      strategy: { name: "beam", width: 2, branching: 2 },
      maxDepth: 2,
      maxStepTokens: 8,
      seed: 11,
    } as const;

    it.each(corpus.map((payload) => [payload.name, payload] as const))(
      "%s, as the question: no control token reaches the model, no forged answer comes back",
      async (_name, payload) => {
        const recorder = recordRequests(model);
        const result = await think(createQuestionTask(payload.text), {
          ...settings,
          model: recorder.model,
        });
        expectContained(recorder.prompts, result);
      },
    );

    it.each(corpus.map((payload) => [payload.name, payload] as const))(
      "%s, as a tool's output: no control token reaches the model, no forged answer comes back",
      async (_name, payload) => {
        const recorder = recordRequests(model, payload.text);
        const fetch = {
          name: "fetch",
          description: "Fetches a page.",
          call: async () => payload.text,
        };
        const result = await think(createQuestionTask("What is on the page?", { tools: [fetch] }), {
          ...settings,
          model: recorder.model,
        });
        const observed = result.tree.nodes.filter(
          (node) => node.observation?.text === payload.text,
        );
        expect(observed.length).toBeGreaterThan(0);
        expectContained(recorder.prompts, result);
      },
    );
  },
);
