/**
 * The search tree as data: its schema (what a saved tree holds), files, and replay.
 *
 * @packageDocumentation
 */
export { replayTree } from "./replay.js";
export {
  GuardRecord,
  NodeScore,
  NodeStatus,
  NodeUsage,
  Observation,
  PluginChoice,
  ScoreSource,
  SearchEvent,
  type SearchEventType,
  SearchTree,
  TREE_FORMAT_VERSION,
  TreeNode,
} from "./schema.js";
export { loadTree, parseTree, saveTree, writeJsonAtomic, writeTextAtomic } from "./tree-file.js";
