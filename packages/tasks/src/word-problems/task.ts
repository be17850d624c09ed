import type { Task } from "@deliberate/core";
import type { PromptSegment } from "@deliberate/core/model";
import { calculate, equalFractions } from "@deliberate/tools";
import { TaskError } from "../errors.js";
import { findWrongCalculation } from "./check-step.js";
import { extractNumericAnswer } from "./extract-answer.js";

/** The state of a word-problem search: how many steps are written (the path holds them). */
export interface WordProblemState {
  readonly steps: number;
}

/** Options of {@link createWordProblemTask}. */
export interface WordProblemTaskOptions {
  /** The exact answer (`"49"`, `"7/2"`), when known: `verify` then scores answers 1 or 0. */
  readonly answer?: string;
  /** Steps before a path must answer. @default 8 */
  readonly maxSteps?: number;
}

// Only a line that states the answer ends the path, not prose that mentions "answer".
const ANSWER_LINE = /^\s*(?:final\s+)?answer\s*[:=]|\bthe\s+(?:final\s+)?answer\s+is\b|^\s*####/i;

const INSTRUCTION =
  "Solve the problem step by step. Write one step a line, with its calculation, for example `3 * 12 = 36`. When you know the result, write `Answer: <number>`.\n\nProblem: ";

function readExpected(answer: string) {
  try {
    return calculate(answer, { maxLength: 100 }).value;
  } catch (error) {
    throw new TaskError(
      "INVALID_OPTION",
      `Expected \`answer\` to be a number like "49" or "7/2", got ${JSON.stringify(answer)}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * A multi-step arithmetic word problem: each step is one line of reasoning whose calculations the
 * exact calculator checks (a wrong one makes the step invalid); a line with `Answer:` ends the
 * path, and `verify` compares that number with the known answer exactly.
 *
 * @example
 * ```ts
 * const [problem] = generateWordProblems({ count: 1, seed: 1 });
 * const task = createWordProblemTask(problem.question, { answer: problem.answer });
 * ```
 */
export function createWordProblemTask(
  question: string,
  options: WordProblemTaskOptions = {},
): Task<WordProblemState> {
  if (typeof question !== "string" || question.trim() === "") {
    throw new TaskError(
      "INVALID_PUZZLE",
      `Expected the problem as non-empty text, got ${JSON.stringify(question)}`,
    );
  }
  const maxSteps = options.maxSteps ?? 8;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new TaskError(
      "INVALID_OPTION",
      `Expected \`maxSteps\` to be an integer ≥ 1, got ${maxSteps}`,
    );
  }
  const expected = options.answer === undefined ? undefined : readExpected(options.answer);
  return {
    name: "word-problem",
    question,
    initialState: { steps: 0 },
    maxDepth: maxSteps,
    stepPrompt(node) {
      const segments: PromptSegment[] = [
        { text: INSTRUCTION, trusted: true },
        { text: question, trusted: false },
        { text: "\n\nSteps:\n", trusted: true },
        ...node.path.map((step) => ({ text: `${step.text}\n`, tokens: step.tokens })),
      ];
      return { segments, stop: ["\n"], maxTokens: 80 };
    },
    applyStep(text, node) {
      const line =
        typeof text === "string"
          ? (text.split("\n").find((l) => l.trim() !== "") ?? "").trim()
          : "";
      if (line === "")
        return { kind: "invalid", reason: "expected one line of reasoning, got nothing" };
      if (line.length > 400)
        return {
          kind: "invalid",
          reason: `expected a line of at most 400 characters, got ${line.length}`,
        };
      const wrong = findWrongCalculation(line);
      if (wrong !== undefined) return { kind: "invalid", reason: wrong };
      const state = { steps: node.state.steps + 1 };
      if (ANSWER_LINE.test(line)) {
        const answer = extractNumericAnswer(line);
        if (answer === undefined)
          return {
            kind: "invalid",
            reason: `expected a number after "Answer:", got ${JSON.stringify(line.slice(0, 60))}`,
          };
        return { kind: "answer", state, answer, thought: line };
      }
      return { kind: "step", state, thought: line };
    },
    verify(_node, answer) {
      if (expected === undefined || answer === undefined) return undefined;
      const got = extractNumericAnswer(answer);
      return got !== undefined && equalFractions(calculate(got).value, expected) ? 1 : 0;
    },
  };
}
