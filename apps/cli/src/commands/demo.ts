import { resolve } from "node:path";
import type { Result } from "@deliberate/core";
import { writeTextAtomic } from "@deliberate/core/tree";
import { renderComparisonHtml } from "@deliberate/viz";
import { Command, Option } from "commander";
import type { ExitCode } from "../cli-error.js";
import { addModelFlags, type ModelFlags } from "../options/model-flags.js";
import { parseIntegerIn, parseThinkTime } from "../options/parse-values.js";
import { DEFAULT_THINK_MS, type ThinkFlags } from "../options/think-flags.js";

/** The puzzle the demo solves unless `--puzzle` names another: one single pass gets wrong. */
export const DEMO_PUZZLE = "1 2 4 7";

/** The project's own Game-of-24 model: committed, no download. */
const DEMO_MODEL = "builtin:tiny-reasoner";

interface DemoFlags extends ModelFlags {
  readonly puzzle: string;
  readonly think: number;
  readonly seed: number;
  readonly html: string;
  readonly compare: string;
  readonly save?: string;
  readonly json?: boolean;
  readonly live?: boolean;
  readonly verbose?: boolean;
  readonly debug?: boolean;
}

const NOTES = [
  "demo: Game of 24 on builtin:tiny-reasoner, a 0.93M-parameter model the project trained (docs/tiny-reasoner.md).",
  "demo: System 2 — beam search (width 5, 8 thoughts a state), states ranked by the model's own P(sure / likely / impossible).",
];

const EXAMPLES = `
Examples:
  $ npm run demo
  $ deliberate demo --puzzle "3 3 8 8" --live
  $ deliberate solve game24 "4 9 10 13" --model ./qwen2.5-0.5b-instruct-q4_k_m.gguf   # the same with a real model`;

/**
 * `deliberate demo`: one Game-of-24 puzzle on the project's own trained model, with no download and
 * no network: first a single greedy pass (System 1), then a beam search with the model's own value
 * judgments (System 2) under the live status line; prints both answers, verified exactly, writes
 * the search tree to `demo-tree.html` and both searches side by side to `demo-compare.html`.
 */
export function createDemoCommand(done: (code: ExitCode) => void): Command {
  const command = new Command("demo")
    .description(
      "solve a Game-of-24 puzzle offline on builtin:tiny-reasoner, single pass then search, and write demo-tree.html",
    )
    .option("--puzzle <numbers>", "the four numbers", DEMO_PUZZLE)
    .addOption(
      new Option("-t, --think <duration>", "think-time budget: 30s, 2m, 1500ms")
        .argParser(parseThinkTime)
        .default(DEFAULT_THINK_MS, "30s"),
    )
    .option("--seed <n>", "seed of the search", parseIntegerIn(0, 2 ** 31 - 1), 1);
  return addModelFlags(command)
    .option("--html <tree.html>", "where the viewer is written", "demo-tree.html")
    .option(
      "--compare <page.html>",
      "where System 1 and System 2 are drawn side by side (not with --json)",
      "demo-compare.html",
    )
    .option("--save <tree.json>", "also save the tree as JSON")
    .option("--json", "print one JSON object on stdout instead of text")
    .option("--live", "serve the live viewer on 127.0.0.1 and print its URL")
    .option("--verbose", "print the whole tree as text after the answer")
    .option("--debug", "print stack traces of errors")
    .addHelpText("after", EXAMPLES)
    .action(async (demo: DemoFlags) => {
      const { createTask } = await import("../tasks/create-task.js");
      const { runSearch } = await import("../run/run-search.js");
      const task = () => createTask("game24", demo.puzzle, { profile: "compact" });
      const base = { ...demo, model: DEMO_MODEL };
      const results: Result[] = [];
      const keep = (result: Result) => {
        results.push(result);
      };
      if (!demo.json) {
        // System 1 first, printed but not saved: what the same model answers without a search.
        process.stdout.write("System 1 — one greedy pass, no search:\n");
        const single: ThinkFlags = {
          ...base,
          strategy: "greedy",
          html: undefined,
          save: undefined,
          live: false,
        };
        await runSearch({ input: task(), flags: single, onResult: keep });
        process.stdout.write("\nSystem 2 — the same model, thinking longer:\n");
      }
      const flags: ThinkFlags = { ...base, strategy: "beam", width: 5, branching: 8 };
      const code = await runSearch({
        input: task(),
        flags,
        defaults: { evaluator: "value" },
        notes: NOTES,
        origin: {
          kind: "task",
          task: "game24",
          input: demo.puzzle,
          taskFlags: { profile: "compact" },
        },
        onResult: keep,
      });
      if (results.length === 2) await writeComparison(results, demo.compare);
      done(code);
    });
}

/** System 1 and System 2 side by side, on one scale: what thinking longer bought, at a glance. */
async function writeComparison(results: readonly Result[], file: string): Promise<void> {
  const path = resolve(file);
  const page = renderComparisonHtml(
    results.map((result) => result.tree),
    { labels: ["System 1 · one greedy pass", "System 2 · beam search"] },
  );
  await writeTextAtomic(path, page);
  process.stderr.write(`System 1 and System 2 side by side: ${path}\n`);
}
