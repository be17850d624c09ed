// Inference: loading a model and the core Model seam on node-llama-cpp.
export { buildChoiceGbnf } from "./inference/constraint-grammar.js";
export { LlamaModel } from "./inference/llama-model.js";
export { type LoadModelOptions, loadLlama, loadModel } from "./load-model.js";
