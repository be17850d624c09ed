export { HOSTILE_TEXTS } from "./hostile-texts.js";
export { type SampleTreeOptions, sampleTree } from "./sample-tree.js";
