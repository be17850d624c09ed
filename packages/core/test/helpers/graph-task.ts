import type { Task } from "@deliberate/core";
import type { ValueScale } from "@deliberate/core/task";
import { createScriptedModel, type ScriptedFault } from "@deliberate/core/testing";

/** A toy task over a named graph: each step moves to a child; goal states end with an answer. */
export interface GraphSpec {
  readonly edges: Readonly<Record<string, readonly string[]>>;
  /** Goal states and the answer each gives. */
  readonly goals: Readonly<Record<string, string>>;
  /** The right answer, for the verifier. Without it the task cannot verify. */
  readonly correct?: string;
  /** What the model says of each state when asked its value: sure / likely / impossible. */
  readonly judgements?: Readonly<Record<string, string>>;
  readonly maxDepth?: number;
  /** States that are one problem under two names: state → key (the task's `stateKey`). */
  readonly keys?: Readonly<Record<string, string>>;
}

export const graphScale: ValueScale = {
  words: ["sure", "likely", "impossible"],
  values: [1, 0.5, 0.001],
};

export function createGraphTask(spec: GraphSpec): Task<string> {
  return {
    name: "graph",
    question: "Find the goal",
    initialState: "root",
    maxDepth: spec.maxDepth ?? 5,
    stepPrompt: (node) => ({ segments: [{ text: `expand ${node.state}`, trusted: true }] }),
    proposePrompt: (node, count) => ({
      segments: [{ text: `propose ${count} from ${node.state}`, trusted: true }],
    }),
    applyStep(text, node) {
      const next = text.trim();
      if (!(spec.edges[node.state] ?? []).includes(next)) {
        return {
          kind: "invalid",
          reason: `${JSON.stringify(next)} is not a move from ${node.state}`,
        };
      }
      const answer = spec.goals[next];
      return answer === undefined
        ? { kind: "step", state: next }
        : { kind: "answer", state: next, answer };
    },
    valuePrompt: (node) => ({ segments: [{ text: `value of ${node.state}`, trusted: true }] }),
    valueScale: graphScale,
    votePrompt: (parent, candidates) => ({
      segments: [
        {
          text: `vote among ${candidates.map((c) => c.state).join(",")} from ${parent.state}`,
          trusted: true,
        },
      ],
    }),
    ...(spec.keys ? { stateKey: (state: string) => spec.keys?.[state] ?? state } : {}),
    verify:
      spec.correct === undefined ? undefined : (_node, answer) => (answer === spec.correct ? 1 : 0),
  };
}

export interface GraphModelOptions {
  readonly latencyMs?: number;
  readonly fault?: (call: number, prompt: string) => ScriptedFault;
  /** Replies that are not moves, by state. */
  readonly garbage?: Readonly<Record<string, string>>;
  /**
   * Samples like a model: completion with seed s writes child s mod (children reachable), instead
   * of child i for completion i, so new seeds find new children.
   */
  readonly bySeed?: boolean;
  /** How many of a state's first children a temperature reaches. @default all */
  readonly reach?: (temperature: number) => number;
  /** Called with each state the model is asked the value of. */
  readonly onValue?: (state: string) => void;
}

/** A scripted model that knows the graph: completion i of `expand s` is the i-th child of s. */
export function createGraphModel(spec: GraphSpec, options: GraphModelOptions = {}) {
  return createScriptedModel({
    latencyMs: options.latencyMs,
    fault: options.fault,
    rules: [
      {
        match: /^value of /,
        reply: ({ prompt }) => {
          const state = prompt.slice("value of ".length);
          options.onValue?.(state);
          return spec.judgements?.[state] ?? "likely";
        },
      },
      {
        match: /^vote among /,
        reply: ({ prompt }) => {
          const [list = ""] = prompt.slice("vote among ".length).split(" from ");
          const states = list.split(",");
          const best = states.findIndex((state) => spec.judgements?.[state] === "sure");
          return `The best choice is ${best >= 0 ? best + 1 : 1}`;
        },
      },
      {
        match: /^propose /,
        reply: ({ prompt }) => {
          const state = prompt.split(" from ")[1] ?? "";
          return (spec.edges[state] ?? []).join("\n");
        },
      },
      {
        match: /^expand /,
        reply: ({ prompt, index, seed, request }) => {
          const state = prompt.slice("expand ".length);
          const garbage = options.garbage?.[state];
          if (garbage !== undefined) return garbage;
          const all = spec.edges[state] ?? [];
          const reach = options.reach?.(request.temperature ?? 0) ?? all.length;
          const children = all.slice(0, Math.max(1, reach));
          // Seeds are consecutive: mix them, or calls of equal size would keep meeting the same children.
          const pick = options.bySeed ? Math.imul(seed + 1, 2654435761) >>> 7 : index;
          return children.length === 0 ? "" : (children[pick % children.length] as string);
        },
      },
    ],
  });
}

/**
 * The trap: greedy takes the first move everywhere and lands on a wrong answer; the right answer
 * lies under the second move, which the judgements favour.
 */
export const trapGraph: GraphSpec = {
  edges: {
    root: ["left", "right"],
    left: ["left-end", "left-deep"],
    "left-deep": ["left-wrong"],
    right: ["right-mid"],
    "right-mid": ["right-goal"],
  },
  goals: { "left-end": "7", "left-wrong": "9", "right-goal": "42" },
  correct: "42",
  judgements: {
    left: "impossible",
    right: "sure",
    "right-mid": "sure",
    "left-deep": "impossible",
    "left-end": "impossible",
    "left-wrong": "impossible",
    "right-goal": "sure",
  },
};
