export { type SampleTreeOptions, sampleTree } from "./sample-tree.js";
