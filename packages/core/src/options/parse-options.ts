import { DeliberateError, describeValue } from "../errors.js";
import { createPluginSet, type PluginSet } from "../plugins/plugin-set.js";
import { describeOptionIssue } from "./describe-option-issue.js";
import {
  createThinkOptionsSchema,
  type ParsedThinkOptions,
  ThinkOptions,
} from "./think-options.js";

/** Options parsed, and the plug-ins their `strategy`, `evaluator` and `generator` may name. */
export interface CheckedThinkOptions {
  readonly options: ParsedThinkOptions;
  readonly plugins: PluginSet;
}

/**
 * The plug-ins `options.plugins` adds to the built-ins, checked, and the schema of the think
 * options that knows their names (the built-in one when there are none).
 */
export function readPlugins(options: object): {
  readonly plugins: PluginSet;
  readonly schema: typeof ThinkOptions;
} {
  const extra = (options as { plugins?: unknown }).plugins;
  if (extra !== undefined && !Array.isArray(extra)) {
    throw new DeliberateError(
      "INVALID_OPTION",
      `Invalid option \`plugins\`: expected a list of plug-ins, got ${describeValue(extra)}`,
      { field: "plugins" },
    );
  }
  const plugins = createPluginSet(extra);
  return { plugins, schema: extra?.length ? createThinkOptionsSchema(plugins) : ThinkOptions };
}

/**
 * Validates {@link ThinkOptions} before any model work. Throws one `INVALID_OPTION`
 * {@link @deliberate/core!DeliberateError | DeliberateError} for the first problem.
 */
export function parseThinkOptions(options: unknown): ParsedThinkOptions {
  return checkThinkOptions(options).options;
}

/** {@link parseThinkOptions}, keeping the plug-in set the options were checked against. */
export function checkThinkOptions(options: unknown): CheckedThinkOptions {
  if (typeof options !== "object" || options === null) {
    throw new DeliberateError(
      "INVALID_OPTION",
      `Expected options with at least a \`model\`, got ${describeValue(options)}`,
      {
        field: "options",
      },
    );
  }
  const { plugins, schema } = readPlugins(options);
  const parsed = schema.safeParse(options);
  if (!parsed.success) {
    const { field, message } = describeOptionIssue(parsed.error, options);
    throw new DeliberateError("INVALID_OPTION", message, { field });
  }
  return { options: parsed.data, plugins };
}
