import type { LoadModelOptions } from "../src/load-model.js";

/** The project's own tiny random model (written into the cache on first use): quick, and always there. */
export const testModel = "synthetic:tiny";

/**
 * A real trained model that ships with the repository: the project's tiny reasoner (0.93M
 * parameters, trained on Game-of-24 lines), found through its package as `builtin:` finds it.
 */
export const trainedModel = "builtin:tiny-reasoner";

/** Small and quick: the machine is shared with other test runs. */
export const quickModelOptions: Omit<LoadModelOptions, "model"> = {
  branches: 4,
  contextSize: 512,
  threads: 1,
};

/** Counts llama.cpp decode calls on a context: one per batch, however many sequences it carries. */
export function countDecodes(context: unknown): {
  readonly count: () => number;
  readonly reset: () => void;
} {
  const holder = context as { _ctx: Record<string | symbol, unknown> };
  const native = holder._ctx;
  let decodes = 0;
  holder._ctx = new Proxy(native, {
    get(target, property) {
      const value = target[property];
      if (typeof value !== "function") return value;
      if (property !== "decodeBatch") return value.bind(target);
      return (...args: unknown[]) => {
        decodes++;
        return value.apply(target, args);
      };
    },
  });
  return {
    count: () => decodes,
    reset: () => {
      decodes = 0;
    },
  };
}
