import type { BaseChatModel } from "@langchain/core/language_models/chat_models";

/** The generation settings LangChain chat models take as constructor fields, not call options. */
export interface CallSettings {
  readonly temperature: number;
  readonly maxTokens: number;
  /** Completions the provider returns in one call (only for models with an `n` field). */
  readonly n: number;
  readonly logprobs: boolean;
  /** Alternatives to return for each generated token, with their log-probabilities. @default 0 */
  readonly topLogprobs?: number;
}

/** Gives a chat model configured with `settings`; {@link createLangChainModel}'s `configure` option. */
export type ConfigureModel = (model: BaseChatModel, settings: CallSettings) => BaseChatModel;

/** Field names providers use for the generated-token limit, in order of preference. */
const MAX_TOKEN_FIELDS = ["maxTokens", "maxOutputTokens", "numPredict"] as const;

/** The constructor fields the model was made with: ChatOpenAI keeps them in `fields`. */
function readFields(model: BaseChatModel): Record<string, unknown> {
  const own = (model as unknown as { fields?: unknown }).fields;
  if (typeof own === "object" && own !== null) return own as Record<string, unknown>;
  return model.lc_kwargs;
}

/** The fields of `model` that must change for `settings`; empty when it already fits. */
export function listSettingFields(
  model: BaseChatModel,
  settings: CallSettings,
): Record<string, unknown> {
  const current = model as unknown as Record<string, unknown>;
  const wanted: Record<string, unknown> = {};
  if ("temperature" in model) wanted.temperature = settings.temperature;
  const maxField = MAX_TOKEN_FIELDS.find((name) => name in model);
  if (maxField) wanted[maxField] = settings.maxTokens;
  if ("n" in model) wanted.n = settings.n;
  if ("logprobs" in model && settings.logprobs) wanted.logprobs = true;
  if ("topLogprobs" in model && settings.topLogprobs) wanted.topLogprobs = settings.topLogprobs;
  const changed = Object.entries(wanted).filter(([name, value]) => current[name] !== value);
  return Object.fromEntries(changed);
}

/**
 * The default {@link ConfigureModel}: a new instance of the model's own class, made with its
 * constructor fields and the settings it has fields for (`temperature`, `maxTokens` or its
 * provider's name for it, `n`, `logprobs`). A model with none of those fields is used as it is.
 * Providers keep their client objects per instance, so {@link createLangChainModel} keeps the few
 * instances it made most recently and reuses them when settings repeat.
 */
export const configureByFields: ConfigureModel = (model, settings) => {
  const changes = listSettingFields(model, settings);
  if (Object.keys(changes).length === 0) return model;
  const Model = model.constructor as new (fields: Record<string, unknown>) => BaseChatModel;
  return new Model({ ...readFields(model), ...changes });
};

/** Keeps the few most recently used configured models, so settings that repeat reuse a client. */
export function createSettingsCache(
  model: BaseChatModel,
  configure: ConfigureModel,
  size = 16,
): (settings: CallSettings) => BaseChatModel {
  const cache = new Map<string, BaseChatModel>();
  return (settings) => {
    const key = JSON.stringify(settings);
    let configured = cache.get(key);
    if (configured) cache.delete(key);
    else configured = configure(model, settings);
    cache.set(key, configured);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return configured;
  };
}
