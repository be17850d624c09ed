import type { z } from "zod";
import type { Evaluator } from "../evaluators/evaluator.js";
import type { Generator } from "../generators/generator.js";
import type { Strategy } from "../strategies/strategy.js";
import type { builtinEvaluators, builtinGenerators, builtinStrategies } from "./builtin-plugins.js";
import type { Plugin, PluginKind } from "./plugin.js";

// biome-ignore lint/suspicious/noExplicitAny: a plug-in of any name and options
export type AnyPlugin = Plugin<PluginKind, string, any>;

/** A plug-in's name with its options: `{ name: "beam", width: 3 }`. Distributes over a union. */
export type PluginOptionsOf<P> =
  P extends Plugin<PluginKind, infer Name, infer Schema>
    ? { readonly name: Name } & z.input<Schema>
    : never;

/** A plug-in chosen by name, by name with options, or as the plug-in itself (default options). */
export type PluginChoiceOf<P> =
  | (P extends Plugin<PluginKind, infer Name> ? Name : never)
  | PluginOptionsOf<P>
  | P;

/** The plug-ins of `P` that are of `kind` (a plug-in typed with any kind counts as each). */
type OfKind<P extends readonly AnyPlugin[], Kind extends PluginKind> = P[number] extends infer X
  ? X extends Plugin<infer K, infer Name, infer Schema>
    ? Kind extends K
      ? Plugin<Kind, Name, Schema>
      : never
    : never
  : never;

/**
 * How the tree is searched: a built-in strategy or one of `plugins`, by name or with options, or
 * a strategy object of your own.
 */
export type StrategyOption<P extends readonly AnyPlugin[] = readonly []> =
  | PluginChoiceOf<(typeof builtinStrategies)[number] | OfKind<P, "strategy">>
  // biome-ignore lint/suspicious/noExplicitAny: a plug-in itself needs no listing in `plugins`
  | Plugin<"strategy", string, any>
  // biome-ignore lint/suspicious/noExplicitAny: a strategy of any state
  | Strategy<any>;

/** One evaluator: a built-in or one of `plugins`, by name or with options, or an object of your own. */
export type SingleEvaluatorOption<P extends readonly AnyPlugin[] = readonly []> =
  | PluginChoiceOf<(typeof builtinEvaluators)[number] | OfKind<P, "evaluator">>
  // biome-ignore lint/suspicious/noExplicitAny: a plug-in itself needs no listing in `plugins`
  | Plugin<"evaluator", string, any>
  | Evaluator;

/** How states are scored: one evaluator, or a weighted combination. */
export type EvaluatorOption<P extends readonly AnyPlugin[] = readonly []> =
  | SingleEvaluatorOption<P>
  | {
      readonly name: "combine";
      readonly parts: readonly {
        readonly evaluator: SingleEvaluatorOption<P>;
        /** @default 1 */
        readonly weight?: number;
      }[];
    };

/** How next steps are written: a built-in generator or one of `plugins`, or a function of your own. */
export type GeneratorOption<P extends readonly AnyPlugin[] = readonly []> =
  | PluginChoiceOf<(typeof builtinGenerators)[number] | OfKind<P, "generator">>
  // biome-ignore lint/suspicious/noExplicitAny: a plug-in itself needs no listing in `plugins`
  | Plugin<"generator", string, any>
  | Generator;
