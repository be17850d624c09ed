export { createRandom } from "../random.js";
export { countWords } from "./count-words.js";
export { createRandomModel, type RandomModelOptions } from "./random-model.js";
export {
  createScriptedModel,
  type ScriptedCall,
  type ScriptedFault,
  type ScriptedModelOptions,
  type ScriptRule,
} from "./scripted-model.js";
export { wait } from "./wait.js";
