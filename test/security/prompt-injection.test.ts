import { readFileSync } from "node:fs";
import { createQuestionTask, type Model, type PromptSegment, think } from "@deliberate/core";
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

/** A model that passes every request on and keeps its segments: the prompts the engine really sent. */
function recordRequests(model: LlamaModel): { model: Model; prompts: PromptSegment[][] } {
  const prompts: PromptSegment[][] = [];
  return {
    prompts,
    model: {
      id: model.id,
      generate: (request) => {
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
  "a prompt-injection corpus as the question, on %s",
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

    it.each(corpus.map((payload) => [payload.name, payload] as const))(
      "%s: no control token from the question reaches the model, and no forged answer comes back",
      async (_name, payload) => {
        const recorder = recordRequests(model);
        const result = await think(createQuestionTask(payload.text), {
          model: recorder.model,
          strategy: { name: "beam", width: 2, branching: 2 },
          maxDepth: 2,
          maxStepTokens: 8,
          seed: 11,
        });
        expect(recorder.prompts.length).toBeGreaterThan(0);
        for (const segments of recorder.prompts) {
          const tokens = model.renderPrompt(segments);
          // What llama.cpp read is what renderPrompt gives, token for token.
          expect(evaluated.evaluatedPrefix(tokens)).toBe(true);
          // The question adds not one control token to what the template itself puts there.
          expect(countControl(tokens)).toBe(
            countControl(model.renderPrompt(withPlainUntrustedText(segments))),
          );
        }
        expect(result.answer ?? "").not.toContain(FORGED);
        for (const node of result.tree.nodes) expect(node.answer ?? "").not.toContain(FORGED);
      },
    );
  },
);
