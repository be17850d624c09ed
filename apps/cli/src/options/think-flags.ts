import type { EvaluatorName, StrategyName } from "@deliberate/core/options";
import { type Command, Option } from "commander";
import { DEFAULT_MODEL } from "../model/default-model.js";
import { addModelFlags, type ModelFlags } from "./model-flags.js";
import {
  EVALUATOR_NAMES,
  parseIntegerIn,
  parseOneOf,
  parseTemperature,
  parseThinkTime,
  parseUnitInterval,
  STRATEGY_NAMES,
} from "./parse-values.js";

/** The flags `ask`, `solve` and `demo` share, as commander hands them over. */
export interface ThinkFlags extends ModelFlags {
  readonly model: string;
  /** Think time in milliseconds. */
  readonly think: number;
  readonly tokens?: number;
  readonly nodes?: number;
  readonly strategy: StrategyName;
  readonly width?: number;
  readonly depth?: number;
  readonly branching?: number;
  readonly samples?: number;
  readonly threshold?: number;
  /** What a fixed strategy does when its shape is exhausted with budget left. */
  readonly onExhausted?: "restart" | "stop";
  /** `false` with `--no-settle`: never stop on an agreed answer without a verifier. */
  readonly settle?: boolean;
  readonly evaluator?: EvaluatorName;
  readonly generator?: "sample" | "propose";
  readonly temperature?: number;
  readonly seed: number;
  readonly json?: boolean;
  readonly save?: string;
  /** With `--save`: steps between the checkpoints `deliberate resume` goes on from. */
  readonly checkpointEvery?: number;
  readonly html?: string;
  readonly live?: boolean;
  readonly verbose?: boolean;
  readonly debug?: boolean;
}

/** Default think time: `--think 30s`. */
export const DEFAULT_THINK_MS = 30_000;

/** Adds the model, budget, strategy and output flags to `command`. */
export function addThinkFlags(command: Command, defaults: { model?: string } = {}): Command {
  return addModelFlags(
    command.option(
      "-m, --model <model>",
      "GGUF file, hf: URI, https URL, synthetic:<name> or builtin:<name>",
      defaults.model ?? DEFAULT_MODEL,
    ),
  )
    .addOption(
      new Option("-t, --think <duration>", "think-time budget: 30s, 2m, 1500ms")
        .argParser(parseThinkTime)
        .default(DEFAULT_THINK_MS, "30s"),
    )
    .option("--tokens <n>", "token budget (prompt and generated)", parseIntegerIn(1))
    .option("--nodes <n>", "most nodes in the tree", parseIntegerIn(1))
    .addOption(
      new Option("-s, --strategy <name>", `search strategy: ${STRATEGY_NAMES.join(", ")}`)
        .argParser(parseOneOf(STRATEGY_NAMES))
        .default("anytime"),
    )
    .option("--width <n>", "beam: states kept per level", parseIntegerIn(1, 1000))
    .option("--depth <n>", "deepest path, in steps", parseIntegerIn(1, 1000))
    .option(
      "--branching <n>",
      "anytime (first round), beam, dfs, best-first, mcts: thoughts per expansion",
      parseIntegerIn(1, 256),
    )
    .option(
      "--samples <n>",
      "best-of-n, self-consistency: paths sampled",
      parseIntegerIn(1, 10_000),
    )
    .option(
      "--threshold <x>",
      "anytime, dfs: lowest value a state may have to be explored, 0 to 1",
      parseUnitInterval,
    )
    .addOption(
      new Option(
        "--on-exhausted <what>",
        "when a fixed strategy's shape is done with budget left: restart (new round, new seeds, hotter) or stop",
      ).argParser(parseOneOf(["restart", "stop"] as const)),
    )
    .option("--no-settle", "never stop early on an answer enough paths agree on")
    .addOption(
      new Option(
        "-e, --evaluator <name>",
        `how states are scored: ${EVALUATOR_NAMES.join(", ")}`,
      ).argParser(parseOneOf(EVALUATOR_NAMES)),
    )
    .addOption(
      new Option("--generator <name>", "how thoughts are written: sample, propose").argParser(
        parseOneOf(["sample", "propose"] as const),
      ),
    )
    .option("--temperature <x>", "sampling temperature, 0 to 2 (default 0.7)", parseTemperature)
    .option("--seed <n>", "seed of the search and the model", parseIntegerIn(0, 2 ** 31 - 1), 0)
    .option("--json", "print one JSON object on stdout instead of text")
    .option(
      "--save <tree.json>",
      "save the search tree as JSON (atomic write) and a checkpoint beside it for resume",
    )
    .option(
      "--checkpoint-every <steps>",
      "with --save: keep a checkpoint to resume from every N steps (default 1)",
      parseIntegerIn(1, 1_000_000),
    )
    .option("--html <tree.html>", "write the tree as a self-contained HTML viewer")
    .option("--live", "serve the live viewer on 127.0.0.1 and print its URL")
    .option("--verbose", "print the whole tree as text after the answer")
    .option("--debug", "print stack traces of errors");
}
