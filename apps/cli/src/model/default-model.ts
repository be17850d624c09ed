/**
 * The model used when `--model` is not given: Qwen2.5 0.5B Instruct, Q4_K_M (about 400 MB), a
 * small instruct model that runs on a laptop CPU. Downloaded into the cache on first use.
 */
export const DEFAULT_MODEL = "hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q4_k_m.gguf";
