import { z } from "zod";

/** Version of the saved tree format. Loading a tree of another version is an `INVALID_TREE` error. */
export const TREE_FORMAT_VERSION = 1;

/** Where a score came from. */
export const ScoreSource = z.enum([
  "value",
  "vote",
  "confidence",
  "verifier",
  "combined",
  "heuristic",
]);
export type ScoreSource = z.infer<typeof ScoreSource>;

/** One score given to a node, with its provenance. */
export const NodeScore = z.object({
  source: ScoreSource,
  value: z.number().min(0).max(1),
  /** Free detail: the words sampled, the votes counted, the verifier's verdict. */
  detail: z.string().optional(),
});
export type NodeScore = z.infer<typeof NodeScore>;

export const NodeStatus = z.enum(["open", "expanded", "pruned", "terminal", "invalid", "failed"]);
export type NodeStatus = z.infer<typeof NodeStatus>;

export const NodeUsage = z.object({
  promptTokens: z.number().int().nonnegative(),
  evaluatedPromptTokens: z.number().int().nonnegative(),
  generatedTokens: z.number().int().nonnegative(),
  ms: z.number().nonnegative(),
});
export type NodeUsage = z.infer<typeof NodeUsage>;

/**
 * What a tool gave a step that called it: data for the branch below, never an instruction. An
 * error (the tool threw, timed out, or does not exist) is an observation too, with `ok: false`.
 */
export const Observation = z.object({
  /** The tool's name as the model wrote it. */
  tool: z.string(),
  input: z.string(),
  /** The tool's output, or `Error (CODE): message`, cut to the search's `maxObservationChars`. */
  text: z.string(),
  ok: z.boolean(),
  /** How long the call took. */
  ms: z.number().nonnegative(),
  /** Characters cut from the end of a longer output. */
  cut: z.number().int().positive().optional(),
});
export type Observation = z.infer<typeof Observation>;

/**
 * One input guard's verdict, as the tree keeps it: `pass`, or a flagged input that only warned or
 * blocked the search. `reason` and `measurement` are the guard's own words and numbers: data,
 * shown as text, never obeyed.
 */
export const GuardRecord = z.object({
  /** The guard's name. */
  guard: z.string(),
  verdict: z.enum(["pass", "warn", "block"]),
  /** What the guard expected and what came (flagged inputs). */
  reason: z.string().optional(),
  /** What it measured, flat: numbers, strings and booleans (`Infinity` as the string). */
  measurement: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
});
export type GuardRecord = z.infer<typeof GuardRecord>;

/** A node of the search tree: one thought and the state it leads to. The root holds the question. */
export const TreeNode = z.object({
  id: z.number().int().nonnegative(),
  parent: z.number().int().nonnegative().nullable(),
  depth: z.number().int().nonnegative(),
  /** The step as written (the question, at the root). */
  text: z.string(),
  tokens: z.array(z.number().int()).optional(),
  /** The task's state after this step, as plain JSON. */
  state: z.unknown().optional(),
  status: NodeStatus,
  /** Why the node was pruned, is invalid or failed. */
  reason: z.string().optional(),
  /** What the model wrote, kept when it could not be used. */
  raw: z.string().optional(),
  scores: z.array(NodeScore),
  /** The score strategies rank by: the combined evaluation, or the verifier's when exact. */
  score: z.number().min(0).max(1).optional(),
  answer: z.string().optional(),
  /** What the tool this step called gave (trees written before tools have none). */
  observation: Observation.optional(),
  /** The task's verifier said the answer is right (true) or wrong (false). */
  verified: z.boolean().optional(),
  /** MCTS statistics. */
  visits: z.number().int().nonnegative().optional(),
  usage: NodeUsage,
  /** Milliseconds since the search started. */
  createdAt: z.number().nonnegative(),
});
export type TreeNode = z.infer<typeof TreeNode>;

const at = { seq: z.number().int().nonnegative(), t: z.number().nonnegative() };

/** What happened during a search, in order. The tree can be replayed from it. */
export const SearchEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("started"), ...at, question: z.string(), strategy: z.string() }),
  /** A guard's verdict on the question, before any model work (searches with `guards`). */
  z.object({ type: z.literal("guarded"), ...at, ...GuardRecord.shape }),
  z.object({ type: z.literal("selected"), ...at, ids: z.array(z.number().int()) }),
  z.object({ type: z.literal("created"), ...at, id: z.number().int(), parent: z.number().int() }),
  z.object({
    type: z.literal("scored"),
    ...at,
    id: z.number().int(),
    score: z.number(),
    scores: z.array(NodeScore),
  }),
  z.object({
    type: z.literal("status"),
    ...at,
    id: z.number().int(),
    status: NodeStatus,
    reason: z.string().optional(),
  }),
  z.object({
    type: z.literal("solution"),
    ...at,
    id: z.number().int(),
    answer: z.string(),
    verified: z.boolean().optional(),
  }),
  z.object({
    type: z.literal("budget"),
    ...at,
    elapsedMs: z.number(),
    nodes: z.number().int(),
    promptTokens: z.number().int(),
    generatedTokens: z.number().int(),
    calls: z.number().int(),
  }),
  z.object({ type: z.literal("paused"), ...at }),
  z.object({
    type: z.literal("checkpoint"),
    ...at,
    steps: z.number().int(),
    /** Why the checkpoint could not be saved; the search goes on. */
    error: z.string().optional(),
  }),
  z.object({ type: z.literal("resumed"), ...at }),
  z.object({
    type: z.literal("callFailed"),
    ...at,
    /** The call that failed: writing thoughts, or scoring a state. */
    call: z.enum(["generate", "score"]),
    /** Which attempt failed, from 1, of the `attempts` allowed (1 + `retries`). */
    attempt: z.number().int().positive(),
    attempts: z.number().int().positive(),
    /** What the model threw, or that it did not answer within `callTimeout`. */
    error: z.string(),
  }),
  z.object({
    type: z.literal("restarted"),
    ...at,
    /** The round that begins: a fresh pass of the strategy over the same tree. */
    round: z.number().int().positive(),
    temperature: z.number(),
  }),
  z.object({ type: z.literal("finalizing"), ...at, from: z.number().int() }),
  z.object({
    type: z.literal("stopped"),
    ...at,
    stopReason: z.string(),
    answer: z.string().optional(),
    /** Node ids from the root to the answer, or to the best partial state. */
    bestPath: z.array(z.number().int()).optional(),
  }),
]);
export type SearchEvent = z.infer<typeof SearchEvent>;
export type SearchEventType = SearchEvent["type"];

/** A strategy, evaluator or generator as a search was set up with it. */
export const PluginChoice = z.object({
  name: z.string(),
  /** The options given (not the defaults), functions shown as `"[function]"`. */
  options: z.record(z.string(), z.unknown()).optional(),
  /** An object of the caller's own rather than a plug-in: its options are not known. */
  custom: z.boolean().optional(),
});
export type PluginChoice = z.infer<typeof PluginChoice>;

/** A whole search: plain data, saved as JSON, rendered and replayed without a model. */
export const SearchTree = z.object({
  format: z.literal("deliberate.tree"),
  version: z.literal(TREE_FORMAT_VERSION),
  question: z.string(),
  task: z.string(),
  strategy: z.string(),
  /** The strategy, evaluator and generator the search used, with their options. */
  plugins: z
    .object({ strategy: PluginChoice, evaluator: PluginChoice, generator: PluginChoice })
    .optional(),
  model: z.string().optional(),
  /** Where the model computed (`Model.device`): `cpu`, `cuda`, `vulkan`, `metal`. */
  device: z.string().optional(),
  /** Node `i` has id `i`; node 0 is the root. */
  nodes: z.array(TreeNode).min(1),
  events: z.array(SearchEvent),
  /** The best path found (node ids from the root), once the search stopped. */
  bestPath: z.array(z.number().int()).optional(),
  stopReason: z.string().optional(),
});
export type SearchTree = z.infer<typeof SearchTree>;
