// Inference: loading a model and the core Model seam on node-llama-cpp (./inference, ./load-model),
// on the backend `gpu` chooses (./backend). Models: errors, built-in models packages register
// (./builtin), the GGUF writer, synthetic models, resolution, validation and the cache
// (./errors, ./gguf, ./resolve). Biome sorts the exports by path, which interleaves them.
export { type DetectedDevice, detectDevice } from "./backend/detect-device.js";
export {
  GPU_CHOICES,
  type GpuChoice,
  type GpuLayers,
  type LlamaDevice,
} from "./backend/llama-device.js";
export { type LoadLlamaOptions, loadLlama } from "./backend/load-llama.js";
export {
  BUILTIN_PREFIX,
  type BuiltinModel,
  listBuiltinModels,
  registerBuiltinModel,
} from "./builtin/builtin-registry.js";
export { locateBuiltinModel } from "./builtin/locate-builtin-model.js";
export { isLlamaError, LlamaError, type LlamaErrorCode } from "./errors.js";
export type { GgufTensorShape, GgufTensorType } from "./gguf/gguf-header.js";
export { type GgufMetadata, type GgufValue, ggufValue } from "./gguf/gguf-value.js";
export {
  countLlamaParameters,
  describeLlamaMetadata,
  describeLlamaTensors,
  type LlamaDims,
  type LlamaModelSpec,
  type LlamaWeights,
  writeLlamaModel,
} from "./gguf/llama-model.js";
export {
  buildLlamaVocabulary,
  type LlamaVocabulary,
  type LlamaVocabularyOptions,
} from "./gguf/llama-vocabulary.js";
export { createSeededWeights, type SeededWeightsOptions } from "./gguf/seeded-weights.js";
export {
  type BigramSpec,
  type BigramTable,
  writeBigramModel,
} from "./gguf/synthetic/bigram-model.js";
export { ensureSyntheticModel, SYNTHETIC_PREFIX } from "./gguf/synthetic/ensure-synthetic-model.js";
export {
  DEFAULT_BIGRAM,
  SYNTHETIC_MODELS,
  type SyntheticModel,
} from "./gguf/synthetic/synthetic-catalog.js";
export { encodeGguf, type GgufContent, type GgufTensor, writeGguf } from "./gguf/write-gguf.js";
export { buildChoiceGbnf } from "./inference/constraint-grammar.js";
export { LlamaModel } from "./inference/llama-model.js";
export type { MeasureTokenLogprobsOptions } from "./inference/measure-token-logprobs.js";
export { type LoadModelOptions, loadModel } from "./load-model.js";
export { resolveCacheDir, resolveModelsDir } from "./resolve/cache-dir.js";
export type { DownloadProgress } from "./resolve/download-model.js";
export {
  type InspectModelOptions,
  inspectModelFile,
  type ModelFileInfo,
} from "./resolve/inspect-model-file.js";
export { type CachedModel, listCachedModels } from "./resolve/list-cached-models.js";
export { pullModel } from "./resolve/pull-model.js";
export {
  classifyModelSource,
  type ResolvedModelSource,
  type ResolveModelOptions,
  resolveModelSource,
} from "./resolve/resolve-model-source.js";
