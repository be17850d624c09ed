import {
  buildLlamaVocabulary,
  type LlamaVocabulary,
} from "../../llama/src/gguf/llama-vocabulary.js";
import { TINY_REASONER_PIECES } from "../src/vocabulary.js";

/**
 * The tiny reasoner's vocabulary, built by the llama package's GGUF vocabulary builder so that the
 * ids the trainer uses are the ids the GGUF stores. Imported from the llama package's source
 * because its entry point does not export the GGUF writer.
 */
export function buildTinyReasonerVocabulary(): LlamaVocabulary {
  return buildLlamaVocabulary({ pieces: TINY_REASONER_PIECES });
}
