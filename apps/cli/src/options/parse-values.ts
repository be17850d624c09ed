import { EvaluatorName, parseDuration, StrategyName } from "@deliberate/core/options";
import { InvalidArgumentError } from "commander";

/** Names of the search strategies, as `--strategy` takes them. */
export const STRATEGY_NAMES = StrategyName.options;

/** Names of the evaluators, as `--evaluator` takes them. */
export const EVALUATOR_NAMES = EvaluatorName.options;

/**
 * Returns a commander argument parser for an integer in `[min, max]`. Its error is what commander
 * prints after naming the option.
 */
export function parseIntegerIn(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
      throw new InvalidArgumentError(`Expected an integer ${range}, got "${text}".`);
    }
    return value;
  };
}

/** Parses a fraction in [0, 1], as `--threshold` takes it. */
export function parseUnitInterval(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new InvalidArgumentError(`Expected a number from 0 to 1, got "${text}".`);
  }
  return value;
}

/** Parses a temperature in [0, 2]. */
export function parseTemperature(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 2) {
    throw new InvalidArgumentError(`Expected a number from 0 to 2, got "${text}".`);
  }
  return value;
}

/** Parses a think-time budget (`30s`, `2m`, `1500ms`, `1m30s` or plain milliseconds) to milliseconds. */
export function parseThinkTime(text: string): number {
  let ms: number;
  try {
    ms = parseDuration(text, "think");
  } catch {
    throw new InvalidArgumentError(
      `Expected a duration such as 30s, 2m, 1500ms or 1m30s, got "${text}".`,
    );
  }
  if (ms <= 0) throw new InvalidArgumentError(`Expected a duration above zero, got "${text}".`);
  return ms;
}

/** Returns a parser that accepts one of `names`, for flags commander's `choices` would word poorly. */
export function parseOneOf<T extends string>(names: readonly T[]) {
  return (text: string): T => {
    if ((names as readonly string[]).includes(text)) return text as T;
    throw new InvalidArgumentError(`Expected one of ${names.join(", ")}, got "${text}".`);
  };
}
