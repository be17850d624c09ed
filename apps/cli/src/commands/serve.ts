import { Command, Option } from "commander";
import { createUsageError, type ExitCode } from "../cli-error.js";
import { DEFAULT_MODEL } from "../model/default-model.js";
import { addGuardFlags, checkGuardFlags, type GuardFlags } from "../options/guard-flags.js";
import { addModelFlags, type ModelFlags } from "../options/model-flags.js";
import { parseIntegerIn, parseOneOf, parseThinkTime } from "../options/parse-values.js";
import { EFFORTS, type Effort } from "../serve/parse-chat-request.js";
import { checkListenOptions } from "../serve/start-server.js";

const EXAMPLES = `
Examples:
  $ deliberate serve --model synthetic:tiny --port 8080
  $ deliberate serve --model ./qwen2.5-1.5b-instruct-q4_k_m.gguf --viewer --high 2m
  $ DELIBERATE_API_KEY=… deliberate serve --model ./model.gguf --host 0.0.0.0 --parallel 8
  $ curl -s localhost:8080/v1/chat/completions -H 'Content-Type: application/json' \\
      -d '{"model":"synthetic:tiny","messages":[{"role":"user","content":"Is 91 prime?"}],"reasoning_effort":"low"}'

Any OpenAI client works: base URL http://127.0.0.1:8080/v1, the model named by --model.
Docs: docs/serve.md`;

/** The flags of `deliberate serve`, as commander hands them over. */
export interface ServeFlags extends ModelFlags, GuardFlags {
  readonly model: string;
  /** The model's name in the API, when not `--model` itself. */
  readonly name?: string;
  readonly host: string;
  readonly port: number;
  readonly apiKey?: string;
  readonly low: number;
  readonly medium: number;
  readonly high: number;
  readonly effort: Effort;
  readonly maxThink?: number;
  readonly parallel: number;
  readonly queue: number;
  readonly maxBody: number;
  readonly grace: number;
  readonly viewer?: boolean;
  readonly keepTrees: number;
  readonly saveDir?: string;
  readonly debug?: boolean;
}

/**
 * `deliberate serve`: the model behind the OpenAI chat API, each completion a search within the
 * think time the request's `reasoning_effort` (or `deliberate.think`) asks for. See docs/serve.md.
 */
export function createServeCommand(done: (code: ExitCode) => void): Command {
  const command = new Command("serve")
    .description(
      "serve the model behind the OpenAI chat API: each completion is a search within a think time",
    )
    .option(
      "-m, --model <model>",
      "GGUF file, hf: URI, https URL, synthetic:<name>, builtin:<name> or openai:<base-url>/<model>",
      DEFAULT_MODEL,
    )
    .option(
      "--name <id>",
      "the model's name in the API (/v1/models, the request's model) (default: --model)",
    )
    .addOption(
      new Option(
        "--host <address>",
        "address to listen on; any other than loopback needs --api-key",
      ).default("127.0.0.1", "127.0.0.1"),
    )
    .option(
      "--port <n>",
      "port to listen on (0: a free one, printed)",
      parseIntegerIn(0, 65_535),
      8080,
    )
    .option(
      "--api-key <key>",
      "key every request must send as Authorization: Bearer <key> (default: $DELIBERATE_API_KEY)",
    )
    .addOption(
      new Option("--low <duration>", "think time of reasoning_effort low")
        .argParser(parseThinkTime)
        .default(5_000, "5s"),
    )
    .addOption(
      new Option("--medium <duration>", "think time of reasoning_effort medium")
        .argParser(parseThinkTime)
        .default(20_000, "20s"),
    )
    .addOption(
      new Option("--high <duration>", "think time of reasoning_effort high")
        .argParser(parseThinkTime)
        .default(60_000, "60s"),
    )
    .addOption(
      new Option("--effort <level>", "effort of a request that names none: low, medium, high")
        .argParser(parseOneOf(EFFORTS))
        .default("medium"),
    )
    .addOption(
      new Option(
        "--max-think <duration>",
        "longest deliberate.think a request may ask for (default: --high)",
      ).argParser(parseThinkTime),
    )
    .option("--parallel <n>", "searches at once on the shared model", parseIntegerIn(1, 256), 4)
    .option(
      "--queue <n>",
      "requests that may wait for a search; beyond that, 429 with Retry-After",
      parseIntegerIn(0, 100_000),
      16,
    )
    .option(
      "--max-body <bytes>",
      "largest request body, in bytes (413 beyond)",
      parseIntegerIn(1, 1 << 30),
      1_048_576,
    )
    .addOption(
      new Option(
        "--grace <duration>",
        "on SIGTERM: time in-flight searches get to finish before they are cancelled",
      )
        .argParser(parseThinkTime)
        .default(10_000, "10s"),
    )
    .option(
      "--viewer",
      "serve each search's tree at GET /trees/:id and name it in responses (viewer_url)",
    )
    .option(
      "--keep-trees <n>",
      "trees kept in memory for GET /trees/:id",
      parseIntegerIn(1, 100_000),
      100,
    )
    .option("--save-dir <dir>", "also save every tree as <dir>/<tree id>.json")
    .option("--debug", "print stack traces of errors");
  addModelFlags(command);
  addGuardFlags(command);
  return command.addHelpText("after", EXAMPLES).action(async (flags: ServeFlags) => {
    checkGuardFlags(flags);
    const apiKey = flags.apiKey ?? (process.env.DELIBERATE_API_KEY || undefined);
    const refusal = checkListenOptions(flags.host, apiKey);
    if (refusal) throw createUsageError(refusal);
    if (apiKey !== undefined && apiKey.length < 16) {
      throw createUsageError(
        `Expected an API key of at least 16 characters, got ${apiKey.length}.`,
      );
    }
    const maxThink = flags.maxThink ?? Math.max(flags.low, flags.medium, flags.high);
    const { runServer } = await import("../serve/run-server.js");
    done(await runServer({ ...flags, apiKey, maxThink }));
  });
}
