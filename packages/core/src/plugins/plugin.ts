import type { z } from "zod";
import { DeliberateError } from "../errors.js";
import type { Evaluator } from "../evaluators/evaluator.js";
import type { Generator } from "../generators/generator.js";
import { describeOptionIssue } from "../options/describe-option-issue.js";
import type { Strategy } from "../strategies/strategy.js";

/** The schema of a plug-in's options: an object schema, strict so a misspelt option is an error. */
// biome-ignore lint/suspicious/noExplicitAny: any shape of options
export type PluginOptionsSchema = z.ZodObject<any, any>;

/** What each kind of plug-in makes. */
export interface PluginProducts {
  readonly strategy: Strategy<unknown>;
  readonly evaluator: Evaluator;
  readonly generator: Generator;
}
export type PluginKind = keyof PluginProducts;

/**
 * A strategy, evaluator or generator, built-in or your own: a name, a zod schema for its options,
 * and a factory. `think` validates the options against the schema and records the name and the
 * options in the tree, so a plug-in of yours is checked and shown like a built-in one.
 */
export interface Plugin<
  Kind extends PluginKind = PluginKind,
  Name extends string = string,
  Schema extends PluginOptionsSchema = PluginOptionsSchema,
> {
  readonly kind: Kind;
  readonly name: Name;
  /** One line on what it does, shown by `deliberate strategies`-style listings. */
  readonly description: string;
  readonly options: Schema;
  /**
   * Makes the strategy, evaluator or generator from options (validated here: a bad option throws
   * an `INVALID_OPTION` {@link DeliberateError}).
   */
  create(options?: z.input<Schema>): PluginProducts[Kind];
}

export type StrategyPlugin<
  Name extends string = string,
  Schema extends PluginOptionsSchema = PluginOptionsSchema,
> = Plugin<"strategy", Name, Schema>;
export type EvaluatorPlugin<
  Name extends string = string,
  Schema extends PluginOptionsSchema = PluginOptionsSchema,
> = Plugin<"evaluator", Name, Schema>;
export type GeneratorPlugin<
  Name extends string = string,
  Schema extends PluginOptionsSchema = PluginOptionsSchema,
> = Plugin<"generator", Name, Schema>;

/** What `define*` takes: `create` receives the options parsed, defaults applied. */
export interface PluginDefinition<
  Kind extends PluginKind,
  Name extends string,
  Schema extends PluginOptionsSchema,
> {
  readonly name: Name;
  readonly description: string;
  readonly options: Schema;
  create(options: z.output<Schema>): PluginProducts[Kind];
}

const NAME = /^[a-z][a-z0-9-]*$/;

function definePlugin<
  Kind extends PluginKind,
  Name extends string,
  Schema extends PluginOptionsSchema,
>(kind: Kind, definition: PluginDefinition<Kind, Name, Schema>): Plugin<Kind, Name, Schema> {
  if (!NAME.test(definition.name)) {
    throw new DeliberateError(
      "INVALID_OPTION",
      `Expected a ${kind} name of lowercase letters, digits and dashes, got ${JSON.stringify(definition.name)}`,
      { field: "name" },
    );
  }
  return Object.freeze({
    kind,
    name: definition.name,
    description: definition.description,
    options: definition.options,
    create(input: z.input<Schema> = {} as z.input<Schema>) {
      const parsed = definition.options.safeParse(input);
      if (!parsed.success) {
        const { field, message } = describeOptionIssue(parsed.error, input);
        throw new DeliberateError("INVALID_OPTION", `${definition.name}: ${message}`, { field });
      }
      return definition.create(parsed.data);
    },
  });
}

/**
 * Defines a search strategy as a plug-in.
 *
 * @example
 * ```ts
 * const widest = defineStrategy({
 *   name: "widest",
 *   description: "expands every open node, level by level",
 *   options: z.strictObject({ branching: z.number().int().min(1).default(3) }),
 *   create: ({ branching }) => ({ name: "widest", evaluates: "all", dedupeSiblings: true, ... }),
 * });
 * await think(question, { model, plugins: [widest], strategy: { name: "widest", branching: 4 } });
 * ```
 */
export function defineStrategy<
  const Name extends string,
  Schema extends PluginOptionsSchema,
  State = unknown,
>(
  definition: Omit<PluginDefinition<"strategy", Name, Schema>, "create"> & {
    /** Makes the strategy; its state type is inferred from what `init` returns. */
    create(options: z.output<Schema>): Strategy<State>;
  },
): StrategyPlugin<Name, Schema> {
  // The engine treats every strategy's state as opaque JSON: the state type stops here.
  return definePlugin("strategy", definition as PluginDefinition<"strategy", Name, Schema>);
}

/**
 * Defines an evaluator as a plug-in.
 *
 * @example
 * ```ts
 * const brevity = defineEvaluator({
 *   name: "brevity",
 *   description: "prefers short steps",
 *   options: z.strictObject({ scale: z.number().positive().default(100) }),
 *   create: ({ scale }) => ({
 *     name: "brevity",
 *     async evaluate(scope, targets) {
 *       return new Map(targets.map(({ id }) => {
 *         const value = 1 / (1 + scope.node(id).text.length / scale);
 *         return [id, { value, scores: [{ source: "heuristic", value }] }];
 *       }));
 *     },
 *   }),
 * });
 * ```
 */
export function defineEvaluator<const Name extends string, Schema extends PluginOptionsSchema>(
  definition: PluginDefinition<"evaluator", Name, Schema>,
): EvaluatorPlugin<Name, Schema> {
  return definePlugin("evaluator", definition);
}

/** Defines a generator (how next steps are written) as a plug-in. */
export function defineGenerator<const Name extends string, Schema extends PluginOptionsSchema>(
  definition: PluginDefinition<"generator", Name, Schema>,
): GeneratorPlugin<Name, Schema> {
  return definePlugin("generator", definition);
}

/** Whether `value` is a plug-in of `kind` (made by a `define*` function or shaped like one). */
export function isPlugin<Kind extends PluginKind>(
  value: unknown,
  kind: Kind,
): value is Plugin<Kind> {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Plugin>;
  return (
    candidate.kind === kind &&
    typeof candidate.name === "string" &&
    typeof candidate.create === "function" &&
    typeof candidate.options?.safeParse === "function"
  );
}
