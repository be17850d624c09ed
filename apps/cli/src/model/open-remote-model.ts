import type { Model } from "@deliberate/core";
import { type OpenAISpec, parseOpenAISpec } from "./openai-spec.js";

/** A model on a remote OpenAI-compatible server, closed like a local one (it holds no resources). */
export interface RemoteModel extends Model {
  dispose(): Promise<void>;
}

/** Options of {@link openRemoteModel}. */
export interface OpenRemoteModelOptions {
  /** Requests in flight at once, across the whole search. @default 8 */
  readonly concurrency?: number;
  /** The server's key; local engines usually take any. @default `OPENAI_API_KEY`, else `"unused"` */
  readonly apiKey?: string;
}

/**
 * Opens `--model openai:<base-url>/<model>`: LangChain's ChatOpenAI pointed at an
 * OpenAI-compatible server (vLLM, SGLang, llama.cpp's `llama-server`, a fleet behind a load
 * balancer) as a deliberate model, set up for such engines: sibling thoughts in one request with
 * `n`, the value evaluator's judgments read from `top_logprobs` (`scoreOptions`), deliberate's
 * retries on 429/5xx honouring `Retry-After` (the client's own retries are off: they would not
 * honour it, and would retry past the search's deadline), and every request aborted when the
 * search stops. The LangChain packages load only here, so GGUF runs never pay for them.
 */
export async function openRemoteModel(
  spec: string,
  options: OpenRemoteModelOptions = {},
): Promise<RemoteModel> {
  const target: OpenAISpec = parseOpenAISpec(spec);
  const [{ ChatOpenAI }, { createLangChainModel }] = await Promise.all([
    import("@langchain/openai"),
    import("@deliberate/langchain"),
  ]);
  const chat = new ChatOpenAI({
    model: target.model,
    apiKey: options.apiKey ?? process.env.OPENAI_API_KEY ?? "unused",
    maxRetries: 0,
    configuration: { baseURL: target.baseURL },
  });
  const model = createLangChainModel(chat, {
    id: spec,
    concurrency: options.concurrency ?? 8,
    scoreOptions: true,
  });
  return { ...model, dispose: async () => {} };
}
