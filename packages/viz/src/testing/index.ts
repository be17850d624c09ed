export { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./chromium.js";
export { HOSTILE_TEXTS } from "./hostile-texts.js";
export { type SampleTreeOptions, sampleTree } from "./sample-tree.js";
