import { combineEvaluators } from "../evaluators/combine.js";
import type { Evaluator } from "../evaluators/evaluator.js";
import type { Generator } from "../generators/generator.js";
import type { Strategy } from "../strategies/strategy.js";
import type { PluginChoice } from "../tree/schema.js";
import { isPlugin, type PluginKind, type PluginProducts } from "./plugin.js";
import { isEvaluator, isStrategy, type PluginSet } from "./plugin-set.js";

/** What a choice made: the strategy, evaluator or generator, and how the tree names it. */
export interface Resolved<T> {
  readonly made: T;
  readonly choice: PluginChoice;
}

/** Options as the tree keeps them: plain JSON, a function shown by its kind. */
function toRecordable(options: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(options, (_key, value) => (typeof value === "function" ? "[function]" : value)),
  );
}

/** Makes a plug-in's product from a validated choice: a name, a name with options, or the plug-in. */
function resolvePlugin<K extends PluginKind>(
  kind: K,
  option: unknown,
  set: PluginSet,
): Resolved<PluginProducts[K]> {
  if (isPlugin(option, kind)) {
    return { made: option.create({}), choice: { name: option.name } };
  }
  const spec = typeof option === "string" ? { name: option } : option;
  const { name, ...options } = spec as { name: string } & Record<string, unknown>;
  const plugin = set[kind].get(name);
  // The options were validated against the same set: an unknown name cannot reach here.
  if (!plugin) throw new Error(`no ${kind} plug-in named ${name}`);
  const made = plugin.create(options) as PluginProducts[K];
  return Object.keys(options).length === 0
    ? { made, choice: { name } }
    : { made, choice: { name, options: toRecordable(options) } };
}

/** The strategy a validated `strategy` option names. */
export function resolveStrategy(option: unknown, set: PluginSet): Resolved<Strategy<unknown>> {
  // An object of one's own may share a plug-in's name: it is taken as it is.
  if (isStrategy(option)) {
    return { made: option, choice: { name: option.name, custom: true } };
  }
  return resolvePlugin("strategy", option, set) as Resolved<Strategy<unknown>>;
}

/** The evaluator a validated `evaluator` option names, combinations included. */
export function resolveEvaluator(option: unknown, set: PluginSet): Resolved<Evaluator> {
  if (typeof option === "object" && option !== null && "parts" in option) {
    const { parts } = option as { parts: readonly { evaluator: unknown; weight?: number }[] };
    const resolved = parts.map((part) => ({
      ...resolveEvaluator(part.evaluator, set),
      weight: part.weight,
    }));
    return {
      made: combineEvaluators(resolved.map(({ made, weight }) => ({ evaluator: made, weight }))),
      choice: {
        name: "combine",
        options: {
          parts: resolved.map(({ choice, weight }) => ({ ...choice, weight: weight ?? 1 })),
        },
      },
    };
  }
  if (isEvaluator(option)) {
    return { made: option, choice: { name: option.name, custom: true } };
  }
  return resolvePlugin("evaluator", option, set) as Resolved<Evaluator>;
}

/** The generator a validated `generator` option names. */
export function resolveGenerator(option: unknown, set: PluginSet): Resolved<Generator> {
  if (typeof option === "function") {
    const generator = option as Generator;
    return { made: generator, choice: { name: generator.name || "custom", custom: true } };
  }
  return resolvePlugin("generator", option, set) as Resolved<Generator>;
}
