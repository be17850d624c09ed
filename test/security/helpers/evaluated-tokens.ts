import type { LlamaModel } from "@deliberate/llama";

/** Every token history a sequence of the model's context held, as llama.cpp evaluated it. */
export interface EvaluatedTokens {
  /** The histories so far: each one as long as it grew before it was cut back or ended. */
  readonly histories: () => readonly (readonly number[])[];
  /** `true` when some sequence evaluated exactly `prompt` as its first tokens. */
  readonly evaluatedPrefix: (prompt: readonly number[]) => boolean;
}

interface NativeContext {
  addToBatch(sequence: number, first: number, tokens: Uint32Array, logits: Uint32Array): unknown;
  loadSequenceStateFromFile(path: string, sequence: number, size: number): Promise<Uint32Array>;
}

/**
 * Records the token ids the model's native context is given, per sequence, at the one place
 * every decode passes through (`addToBatch`), and the histories forks load from state files.
 * Reaches into node-llama-cpp's private context object, as the decode counter of the llama tests
 * does: what the tests want to see is what llama.cpp read, not what our code meant to send.
 */
export function recordEvaluatedTokens(model: LlamaModel): EvaluatedTokens {
  const holder = model.native.context as unknown as { _ctx: NativeContext };
  const native = holder._ctx;
  const current = new Map<number, number[]>();
  const finished: number[][] = [];
  const write = (sequence: number, first: number, tokens: readonly number[]) => {
    const history = current.get(sequence) ?? [];
    if (first < history.length) finished.push(history);
    current.set(sequence, [...history.slice(0, first), ...tokens]);
  };
  holder._ctx = new Proxy(native, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== "function") return value;
      if (property === "addToBatch") {
        return (sequence: number, first: number, tokens: Uint32Array, logits: Uint32Array) => {
          write(sequence, first, [...tokens]);
          return value.call(target, sequence, first, tokens, logits);
        };
      }
      if (property === "loadSequenceStateFromFile") {
        return async (path: string, sequence: number, size: number) => {
          const tokens: Uint32Array = await value.call(target, path, sequence, size);
          write(sequence, 0, [...tokens]);
          return tokens;
        };
      }
      return value.bind(target);
    },
  });
  const histories = () => [...finished, ...current.values()];
  return {
    histories,
    evaluatedPrefix: (prompt) =>
      histories().some(
        (history) =>
          history.length >= prompt.length && prompt.every((token, i) => history[i] === token),
      ),
  };
}
