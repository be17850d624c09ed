import { createQuestionTask, type ThinkOptions, think } from "@deliberate/core";
import type { ModelRequest } from "@deliberate/core/model";
import type { ThoughtTool } from "@deliberate/core/task";
import { createScriptedModel, type ScriptedCall } from "@deliberate/core/testing";

/** A tool for tests: its body decides what a call gives, and every input is kept. */
export function createTestTool(
  name: string,
  body: (input: string, signal: AbortSignal) => string | Promise<string>,
): ThoughtTool & { readonly inputs: string[] } {
  const inputs: string[] = [];
  return {
    name,
    description: `The ${name} tool of a test.`,
    inputs,
    async call(input, { signal }) {
      inputs.push(input);
      return body(input, signal);
    },
  };
}

/** A tool that never answers and ignores its signal: only a timeout or a cancel gets past it. */
export function createHangingTool(name: string): ThoughtTool & { signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];
  return {
    name,
    description: "Never answers.",
    signals,
    call: (_input, { signal }) => {
      signals.push(signal);
      return new Promise<string>(() => {});
    },
  };
}

/**
 * Searches a question whose step replies come from `step` (judging prompts answer "likely"), and
 * keeps every step request the model received.
 */
export async function searchWithTools(
  tools: readonly ThoughtTool[],
  step: (call: ScriptedCall) => string,
  options: Partial<ThinkOptions> = {},
) {
  const requests: ModelRequest[] = [];
  const model = createScriptedModel({
    rules: [
      { match: "Judgement:", reply: "likely" },
      {
        match: () => true,
        reply: (call) => {
          if (call.index === 0) requests.push(call.request);
          return step(call);
        },
      },
    ],
  });
  const task = createQuestionTask("What is 6 times 7?", { tools, maxDepth: 4 });
  const result = await think(task, {
    model,
    strategy: { name: "beam", width: 2, branching: 2 },
    ...options,
  });
  return { result, requests, prompts: requests.map(joinSegments) };
}

export function joinSegments(request: ModelRequest): string {
  return request.segments.map((segment) => segment.text).join("");
}
