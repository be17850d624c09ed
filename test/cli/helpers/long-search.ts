import { type RunningCli, startCli } from "./run-cli.js";

/** The question of {@link startLongSearch}. */
export const LONG_QUESTION = "Name a prime number above 10.";

/**
 * Starts `deliberate ask` on synthetic:tiny with a minute to think, saving to `tree`, and resolves
 * once it is thinking: the search the signal and resume tests stop. `extra` adds flags (a node
 * budget, `--json`).
 */
export async function startLongSearch(
  tree: string,
  extra: readonly string[] = [],
): Promise<RunningCli> {
  const cli = startCli([
    "ask",
    LONG_QUESTION,
    "--model",
    "synthetic:tiny",
    "--think",
    "60s",
    "--save",
    tree,
    ...extra,
  ]);
  await cli.waitForStderr("thinking for up to");
  return cli;
}
