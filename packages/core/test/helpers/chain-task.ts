import type { Task } from "@deliberate/core";
import { createScriptedModel } from "@deliberate/core/testing";

/**
 * A question that takes exactly `length` steps: state `name:i` leads only to `name:i+1`, and
 * `name:length` answers `name`, which the verifier accepts. Hard is long, easy is one step.
 */
export function createChainTask(name: string, length: number): Task<number> {
  return {
    name: "chain",
    question: `Walk the chain ${name}`,
    initialState: 0,
    maxDepth: length,
    stepPrompt: (node) => ({ segments: [{ text: `step ${name}:${node.state}`, trusted: true }] }),
    applyStep(text, node) {
      const next = node.state + 1;
      if (text.trim() !== `${name}:${next}`) {
        return { kind: "invalid", reason: `${JSON.stringify(text)} is not ${name}:${next}` };
      }
      return next === length
        ? { kind: "answer", state: next, answer: name }
        : { kind: "step", state: next };
    },
    verify: (_node, answer) => (answer === name ? 1 : 0),
  };
}

/**
 * One model for every chain: asked for the step after `name:i`, it says `name:i+1`. Each call
 * takes `latencyMs`, so a chain of n steps takes at least n × `latencyMs` of think time.
 */
export function createChainModel(latencyMs: number) {
  return createScriptedModel({
    latencyMs,
    rules: [
      {
        match: /^step /,
        reply: ({ prompt }) => {
          const [name, at] = prompt.slice("step ".length).split(":");
          return `${name}:${Number(at) + 1}`;
        },
      },
    ],
  });
}
