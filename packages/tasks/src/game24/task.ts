import type { Task } from "@deliberate/core";
import type { TaskNode } from "@deliberate/core/task";
import { defaultValueScale } from "@deliberate/core/task";
import { game24Check } from "@deliberate/tools";
import { TaskError } from "../errors.js";
import { applyGame24Step } from "./apply-step.js";
import type { Game24Profile } from "./format.js";
import {
  buildGame24ProposePrompt,
  buildGame24StepPrompt,
  buildGame24ValuePrompt,
} from "./prompts.js";
import { canReachGame24 } from "./solver.js";
import { createGame24State, type Game24State } from "./state.js";

/** Options of {@link createGame24Task}. */
export interface Game24TaskOptions {
  /**
   * `paper`: the ToT paper's few-shot propose and value prompts, for instruct models.
   * `compact`: one line a step, `4 9 10 13 | 13-9=4 | 4 4 10`, for small models trained on it.
   * @default "paper"
   */
  readonly profile?: Game24Profile;
  /** Constrain step prompts with a grammar of the legal moves on the numbers left. @default true */
  readonly constrainSteps?: boolean;
  /**
   * Let `verify` score an unfinished state 0 when the solver proves 24 unreachable from it. A
   * perfect dead-end detector: for tests and upper-bound runs, not a fair benchmark. @default false
   */
  readonly pruneDeadEnds?: boolean;
}

function checkOptions(options: Game24TaskOptions): Required<Game24TaskOptions> {
  const profile = options.profile ?? "paper";
  if (profile !== "paper" && profile !== "compact") {
    throw new TaskError(
      "INVALID_OPTION",
      `Expected \`profile\` to be "paper" or "compact", got ${JSON.stringify(profile)}`,
    );
  }
  for (const name of ["constrainSteps", "pruneDeadEnds"] as const) {
    const value = options[name];
    if (value !== undefined && typeof value !== "boolean") {
      throw new TaskError(
        "INVALID_OPTION",
        `Expected \`${name}\` to be a boolean, got ${JSON.stringify(value)}`,
      );
    }
  }
  return {
    profile,
    constrainSteps: options.constrainSteps ?? true,
    pruneDeadEnds: options.pruneDeadEnds ?? false,
  };
}

/**
 * The Game of 24 as the ToT paper plays it: combine two of the numbers left with + − × ÷ until one
 * is left; the path ends in an answer, the whole expression, which `verify` checks exactly.
 *
 * @example
 * ```ts
 * const task = createGame24Task("4 9 10 13", { profile: "compact" });
 * const first = task.applyStep(" 13-9=4 | 4 4 10", { state: task.initialState, path: [], depth: 0 });
 * // { kind: "step", state: { left: 4 4 10, ... }, thought: "13-9=4 | 4 4 10" }
 * // ... two more steps, then { kind: "answer", answer: "(13 - 9) * (10 - 4) = 24" }
 * ```
 */
export function createGame24Task(
  puzzle: string | readonly number[],
  options: Game24TaskOptions = {},
): Task<Game24State> {
  const { profile, constrainSteps, pruneDeadEnds } = checkOptions(options);
  const initialState = createGame24State(puzzle);
  const numbers = initialState.puzzle;
  const answerOf = (state: Game24State) => {
    const only = state.left[0];
    return state.left.length === 1 && only !== undefined
      ? `${only.expression} = ${only.value}`
      : undefined;
  };
  const proposePrompt =
    profile === "paper"
      ? (node: TaskNode<Game24State>, count: number) =>
          buildGame24ProposePrompt(node.state, count, constrainSteps)
      : undefined;
  return {
    name: "game24",
    question: `Use ${numbers.join(" ")} and basic arithmetic operations (+ - * /) to obtain 24.`,
    initialState,
    maxDepth: numbers.length - 1,
    valueScale: defaultValueScale,
    stepPrompt: (node) => buildGame24StepPrompt(node.state, profile, constrainSteps),
    proposePrompt,
    splitProposals: (text) => text.split("\n").filter((line) => /=/.test(line)),
    applyStep: (text, node) => applyGame24Step(text, node.state, profile),
    valuePrompt: (node) => buildGame24ValuePrompt(node.state, profile, answerOf(node.state)),
    // The numbers left are the whole problem: how they were made does not change what is possible.
    stateKey: (state) => state.left.map((n) => n.value).join(" "),
    verify(node, answer) {
      const finished = answer ?? answerOf(node.state);
      if (finished !== undefined) return game24Check(finished, numbers).ok ? 1 : 0;
      if (pruneDeadEnds && !canReachGame24(node.state.left.map((n) => n.value))) return 0;
      return undefined;
    },
  };
}
