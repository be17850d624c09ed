import { z } from "zod";
import { DeliberateError } from "../errors.js";
import type { Evaluator } from "../evaluators/evaluator.js";
import type { Generator } from "../generators/generator.js";
import type { Strategy } from "../strategies/strategy.js";
import { builtinPlugins } from "./builtin-plugins.js";
import { isPlugin, type Plugin, type PluginKind } from "./plugin.js";
import type { AnyPlugin } from "./plugin-option.js";

/** The plug-ins a search can name, by kind and name: the built-ins and the caller's own. */
export type PluginSet = { readonly [K in PluginKind]: ReadonlyMap<string, Plugin<K>> };

const KINDS: readonly PluginKind[] = ["strategy", "evaluator", "generator"];

/** Whether `value` is a plug-in of any kind. */
export function isAnyPlugin(value: unknown): value is AnyPlugin {
  return KINDS.some((kind) => isPlugin(value, kind));
}

/**
 * The built-ins with `extra` added. A plug-in may not take a built-in's name (it would silently
 * change what the name means) nor another's of its kind.
 */
export function createPluginSet(extra: readonly unknown[] = []): PluginSet {
  const set = { strategy: new Map(), evaluator: new Map(), generator: new Map() } as {
    [K in PluginKind]: Map<string, Plugin<K>>;
  };
  for (const plugin of builtinPlugins) set[plugin.kind].set(plugin.name, plugin as never);
  extra.forEach((plugin, index) => {
    const field = `plugins.${index}`;
    if (!isAnyPlugin(plugin)) {
      throw new DeliberateError(
        "INVALID_OPTION",
        `Invalid option \`${field}\`: expected a plug-in made by defineStrategy, defineEvaluator or defineGenerator`,
        { field },
      );
    }
    if (plugin.kind === "evaluator" && plugin.name === "combine") {
      throw new DeliberateError(
        "INVALID_OPTION",
        `Invalid option \`${field}\`: "combine" names the weighted combination of evaluators; give yours another name`,
        { field },
      );
    }
    const taken = set[plugin.kind].get(plugin.name);
    if (taken === plugin) return;
    if (taken) {
      const whose = builtinPlugins.includes(taken as never) ? "a built-in" : "another";
      throw new DeliberateError(
        "INVALID_OPTION",
        `Invalid option \`${field}\`: the ${plugin.kind} name "${plugin.name}" is taken by ${whose} ${plugin.kind}; give yours another name`,
        { field },
      );
    }
    set[plugin.kind].set(plugin.name, plugin as never);
  });
  return set;
}

/** Whether `value` is a strategy object of one's own (not a plug-in or a name). */
export const isStrategy = (value: unknown): value is Strategy =>
  typeof value === "object" &&
  value !== null &&
  "select" in value &&
  "update" in value &&
  "init" in value;

/** Whether `value` is an evaluator object of one's own (not a plug-in or a name). */
export const isEvaluator = (value: unknown): value is Evaluator =>
  typeof value === "object" &&
  value !== null &&
  "evaluate" in value &&
  typeof value.evaluate === "function";

/** A plug-in of `kind` chosen by name, by name with its options (checked by its schema), or itself. */
function choiceSchema<K extends PluginKind>(kind: K, plugins: ReadonlyMap<string, Plugin<K>>) {
  const list = [...plugins.values()];
  const [first, ...rest] = list.map((plugin) =>
    plugin.options.extend({ name: z.literal(plugin.name) }),
  );
  if (!first) throw new Error(`no ${kind} plug-ins`);
  return z.union([
    z.enum(list.map((plugin) => plugin.name) as [string, ...string[]]),
    z.discriminatedUnion("name", [first, ...rest]),
    z.custom<Plugin<K>>((value) => isPlugin(value, kind), { message: `a ${kind} plug-in` }),
  ]);
}

/** The schemas of the `strategy`, `evaluator` and `generator` options for the plug-ins in `set`. */
export function createChoiceSchemas(set: PluginSet) {
  const single = z.union([
    choiceSchema("evaluator", set.evaluator),
    z.custom<Evaluator>(isEvaluator, { message: "an evaluator object with evaluate()" }),
  ]);
  return {
    strategy: z.union([
      choiceSchema("strategy", set.strategy),
      z.custom<Strategy>(isStrategy, { message: "a strategy object with init, select and update" }),
    ]),
    evaluator: z.union([
      single,
      z.strictObject({
        name: z.literal("combine"),
        parts: z
          .array(z.strictObject({ evaluator: single, weight: z.number().positive().optional() }))
          .min(1),
      }),
    ]),
    generator: z.union([
      choiceSchema("generator", set.generator),
      z.custom<Generator>((value) => typeof value === "function", {
        message: "a generator function",
      }),
    ]),
  };
}
