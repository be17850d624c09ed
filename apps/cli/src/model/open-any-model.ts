import type { LlamaModel } from "@deliberate/llama";
import { type OpenModelOptions, openModel } from "./open-model.js";
import { openRemoteModel, type RemoteModel } from "./open-remote-model.js";
import { isOpenAISpec } from "./openai-spec.js";

/**
 * Opens whatever `--model` names: `openai:<base-url>/<model>` as a remote OpenAI-compatible engine
 * (no load, no download; the placement flags do not apply), anything else as a GGUF through
 * {@link openModel}.
 */
export function openAnyModel(
  spec: string,
  options: OpenModelOptions,
): Promise<LlamaModel | RemoteModel> {
  return isOpenAISpec(spec) ? openRemoteModel(spec) : openModel(spec, options);
}
