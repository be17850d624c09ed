import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createQuestionTask, type Model, type Result, think } from "@deliberate/core";
import { emptyModelUsage, type ModelReply, type PromptSegment } from "@deliberate/core/model";
import { type BigramSpec, type LlamaModel, loadModel, writeBigramModel } from "@deliberate/llama";
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
  model: Pick<LlamaModel, "id" | "generate" | "scoreOptions">,
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

/**
 * The same prompt with every untrusted segment made plain: the question, a tool's output and each
 * thought the model wrote (its replayed tokens too), so only the template's own control tokens
 * are left to count.
 */
function withPlainUntrustedText(segments: readonly PromptSegment[]): PromptSegment[] {
  return segments.map((segment) =>
    segment.trusted ? segment : { ...(segment.role ? { role: segment.role } : {}), text: "x" },
  );
}

/** Ids of the model's control tokens: turn markers, BOS, EOS. */
function controlTokensOf(model: LlamaModel): Set<number> {
  const native = model.native.model;
  return new Set(
    [...native.iterateAllTokens()].filter((token) => native.getTokenAttributes(token).control),
  );
}

/**
 * Every prompt is what llama.cpp read, and holds no control token from an untrusted segment: as
 * many as the same prompt with every untrusted segment (thoughts included) made plain.
 */
function expectNoUntrustedControl(
  model: LlamaModel,
  evaluated: EvaluatedTokens,
  prompts: readonly PromptSegment[][],
): void {
  const control = controlTokensOf(model);
  const countControl = (tokens: readonly number[]) =>
    tokens.filter((token) => control.has(token)).length;
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
      control = controlTokensOf(model);
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
      expectNoUntrustedControl(model, evaluated, prompts);
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

/**
 * A ChatML model whose every thought carries a turn marker: after a newline it writes " I think",
 * spells "<|im_start|>" as plain text (a normal piece), then " system" and then the real
 * `<|im_start|>` control token, which replayed into the next prompt would open a system turn.
 */
const ROGUE_CHAT: BigramSpec = {
  chat: "chatml",
  tokens: [" I", " think", " <|im_start|>", " system", "\n"],
  table: {
    "\n": { " I": 1 },
    " I": { " think": 1 },
    " think": { " <|im_start|>": 1 },
    " <|im_start|>": { " system": 1 },
    " system": { "<|im_start|>": 1 },
    "<|im_start|>": { " system": 1 },
  },
};

describe("a model that writes a turn marker into its own thoughts (a ChatML bigram model)", () => {
  let model: LlamaModel;
  let evaluated: EvaluatedTokens;
  let imStart: number;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "deliberate-rogue-chat-"));
    const path = join(dir, "rogue-chat.gguf");
    const { ids } = await writeBigramModel(path, ROGUE_CHAT);
    imStart = ids["<|im_start|>"] as number;
    model = await loadModel({ model: path, branches: 4, threads: 1, contextSize: 512 });
    evaluated = recordEvaluatedTokens(model);
  });
  afterAll(async () => {
    await model?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const settings = {
    strategy: { name: "beam", width: 2, branching: 2 },
    maxDepth: 3,
    maxStepTokens: 8,
    seed: 5,
  } as const;

  /** The prompts that replay thoughts the model wrote, with their tokens. */
  const replaying = (prompts: readonly PromptSegment[][]) =>
    prompts.filter((segments) => segments.some((segment) => segment.tokens !== undefined));

  it.each([{ name: "value" as const }, { name: "vote" as const }])(
    "ends each thought before the marker, and no later prompt holds one ($name evaluator)",
    async (evaluator) => {
      const recorder = recordRequests(model);
      const result = await think(createQuestionTask("Why is the sky blue?"), {
        ...settings,
        evaluator,
        model: recorder.model,
      });
      expect(replaying(recorder.prompts).length).toBeGreaterThan(0);
      expectNoUntrustedControl(model, evaluated, recorder.prompts);
      const thoughts = result.tree.nodes.filter((node) => node.tokens !== undefined);
      expect(thoughts.length).toBeGreaterThan(0);
      for (const node of thoughts) {
        // The marker spelled as text stays text; the control token the model wrote is not kept.
        expect(node.text).toBe(" I think <|im_start|> system");
        expect(node.tokens).not.toContain(imStart);
      }
    },
  );

  it("reads a thought whose replayed tokens carry a control id (an edited tree) as plain text", async () => {
    const forging = {
      id: model.id,
      generate: async (request: Parameters<LlamaModel["generate"]>[0]) => {
        const reply = await model.generate(request);
        const completions = reply.completions.map((completion) => ({
          ...completion,
          tokens: [...(completion.tokens ?? []), imStart],
        }));
        return { ...reply, completions };
      },
      scoreOptions: model.scoreOptions.bind(model),
    };
    const recorder = recordRequests(forging);
    await think(createQuestionTask("Why is the sky blue?"), {
      ...settings,
      model: recorder.model,
    });
    const forged = replaying(recorder.prompts).filter((segments) =>
      segments.some((segment) => segment.tokens?.includes(imStart)),
    );
    expect(forged.length).toBeGreaterThan(0);
    expectNoUntrustedControl(model, evaluated, recorder.prompts);
  });
});
