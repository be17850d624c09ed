import { parseDuration } from "@deliberate/core/options";
import { type MethodSpec, parseMethodList } from "./method-spec.js";
import type { PuzzleSetOptions } from "./puzzle-set.js";
import { AnytimeUsageError } from "./usage-error.js";

/** Everything `npm run bench -- anytime` was asked to do. */
export interface AnytimeFlags {
  readonly model: string;
  readonly methods: readonly MethodSpec[];
  readonly budgetsMs: readonly number[];
  readonly seeds: readonly number[];
  readonly puzzles: PuzzleSetOptions;
  readonly out: string;
  readonly threads: number;
  readonly reference: string;
  readonly shared: boolean;
  readonly resume: boolean;
  readonly reportOnly: boolean;
  /** JSONL files a `--report-only` run reads; `<out>/runs.jsonl` when absent. */
  readonly inputs: readonly string[];
  readonly json: boolean;
}

const VALUE_FLAGS: Readonly<Record<string, string>> = {
  model: "builtin:tiny-reasoner",
  methods: "default",
  budgets: "1s,4s,16s,64s",
  seeds: "1,2,3",
  set: "test",
  first: "0",
  count: "",
  "set-seed": "7",
  out: "bench-results/anytime",
  threads: "1",
  reference: "default",
  in: "",
};
const SWITCHES = ["shared", "resume", "report-only", "json"];

/** The usage line printed with every usage error. */
export const ANYTIME_USAGE =
  "usage: npm run bench -- anytime [--model builtin:tiny-reasoner|synthetic:tiny|<gguf>] [--methods default,beam:5:8,...] " +
  "[--budgets 1s,4s,16s,64s] [--seeds 1,2,3] [--set test|tune] [--first N] [--count N] [--set-seed 7] " +
  "[--out bench-results/anytime] [--threads 1] [--reference default] [--shared] [--resume] " +
  "[--report-only [--in a.jsonl,b.jsonl]] [--json]";

function readCount(name: string, text: string, min: number, max = 1_000_000): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new AnytimeUsageError(
      `Expected --${name} to be an integer from ${min} to ${max}, got "${text}"`,
    );
  return value;
}

function readList<T>(name: string, text: string, read: (item: string) => T): T[] {
  const items = text.split(",").map((item) => item.trim());
  if (items.some((item) => item === ""))
    throw new AnytimeUsageError(
      `Expected --${name} to be a comma list without empty items, got "${text}"`,
    );
  const values = items.map(read);
  if (new Set(values).size !== values.length)
    throw new AnytimeUsageError(`Expected each of --${name} once, got "${text}"`);
  return values;
}

function readBudget(item: string): number {
  let ms: number;
  try {
    ms = parseDuration(item, "budgets");
  } catch {
    throw new AnytimeUsageError(
      `Expected --budgets to hold durations such as 1s, 500ms or 2m, got "${item}"`,
    );
  }
  if (ms < 1) throw new AnytimeUsageError(`Expected every budget ≥ 1ms, got "${item}"`);
  return ms;
}

function collect(args: readonly string[]): {
  values: Record<string, string>;
  switches: Set<string>;
} {
  const values: Record<string, string> = { ...VALUE_FLAGS };
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const name = arg.replace(/^--/, "");
    if (arg.startsWith("--") && SWITCHES.includes(name)) switches.add(name);
    else if (arg.startsWith("--") && name in VALUE_FLAGS) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith("--"))
        throw new AnytimeUsageError(`Expected a value after ${arg}`);
      values[name] = value;
      i += 1;
    } else {
      const known = [...Object.keys(VALUE_FLAGS), ...SWITCHES].map((flag) => `--${flag}`);
      throw new AnytimeUsageError(
        `Unknown argument "${arg}". Expected one of: ${known.join(", ")}`,
      );
    }
  }
  return { values, switches };
}

/**
 * Reads the command line of `npm run bench -- anytime`. Throws {@link AnytimeUsageError} (exit
 * status 2) naming the flag, what it expects and what came.
 */
export function parseAnytimeFlags(args: readonly string[]): AnytimeFlags {
  const { values, switches } = collect(args);
  const set = values.set;
  if (set !== "test" && set !== "tune")
    throw new AnytimeUsageError(`Expected --set to be "test" or "tune", got "${set}"`);
  const methods = parseMethodList(values.methods ?? "");
  const explicit = values.reference !== VALUE_FLAGS.reference;
  // A shared run's rows are named `<spec>/shared`: compare with the shared default unless told.
  const reference =
    switches.has("shared") && !explicit ? "default/shared" : (values.reference ?? "default");
  const reportOnly = switches.has("report-only");
  const named = methods.flatMap((m) => [m.id, `${m.id}/shared`]);
  if (!reportOnly && explicit && !named.includes(reference))
    throw new AnytimeUsageError(`Expected --reference to be one of --methods, got "${reference}"`);
  if (values.in !== "" && !reportOnly)
    throw new AnytimeUsageError("Expected --in only with --report-only");
  return {
    model: values.model ?? "",
    methods,
    budgetsMs: readList("budgets", values.budgets ?? "", readBudget).sort((a, b) => a - b),
    seeds: readList("seeds", values.seeds ?? "", (item) => readCount("seeds", item, 0, 20_000)),
    puzzles: {
      set,
      first: readCount("first", values.first ?? "0", 0),
      ...(values.count === "" ? {} : { count: readCount("count", values.count ?? "", 1) }),
      setSeed: readCount("set-seed", values["set-seed"] ?? "7", 0, 2 ** 31 - 1),
    },
    out: values.out ?? "",
    threads: readCount("threads", values.threads ?? "1", 1, 256),
    reference,
    shared: switches.has("shared"),
    resume: switches.has("resume"),
    reportOnly,
    inputs: values.in === "" ? [] : readList("in", values.in ?? "", (item) => item),
    json: switches.has("json"),
  };
}
