import { LlamaError } from "../errors.js";
import type { InferenceRuntime } from "./inference-runtime.js";

/**
 * The error of a prompt that does not fit the context, refused before anything is evaluated. It
 * says the limit, what came and the ways out a user has: a shorter input, or a larger context up
 * to what the model was trained on (`contextSize` in `loadModel`, `--context` on the CLI).
 */
export function createContextOverflowError(
  runtime: InferenceRuntime,
  promptTokens: number,
  reserved: { readonly tokens: number; readonly for: string },
): LlamaError {
  const { contextSize } = runtime.context;
  const trained = runtime.native.trainContextSize;
  const ways =
    trained > contextSize
      ? `Shorten the input, or load the model with a larger context, up to the ${trained} tokens it was trained on: \`contextSize\` in loadModel, \`--context <n>\` on the CLI.`
      : `This model reads at most ${trained} tokens: shorten the input, or use a model with a longer context.`;
  return new LlamaError(
    "CONTEXT_OVERFLOW",
    `Expected the prompt to fit the context of ${contextSize} tokens with ${reserved.tokens} left for ${reserved.for}, got a prompt of ${promptTokens} tokens. ${ways}`,
  );
}
