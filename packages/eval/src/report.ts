import { z } from "zod";

/** Version of the report's shape; bumped whenever a field changes meaning or goes away. */
export const EVALUATION_FORMAT = "deliberate-eval/1";

const Count = z.number().int().nonnegative();

/** What one method did on one case. */
export const CaseOutcomeRecord = z.object({
  case: z.string(),
  solved: z.boolean(),
  answer: z.string().optional(),
  stopReason: z.enum([
    "solved",
    "settled",
    "budget",
    "exhausted",
    "cancelled",
    "failed",
    "blocked",
  ]),
  promptTokens: Count,
  evaluatedPromptTokens: Count,
  generatedTokens: Count,
  calls: Count,
  seconds: z.number().nonnegative(),
});
export type CaseOutcomeRecord = z.infer<typeof CaseOutcomeRecord>;

/** How a best-of-N row was sized: to the generated tokens of the search it stands beside. */
export const BestOfNSizingRecord = z.object({
  matchedTo: z.string(),
  samples: z.number().int().positive(),
  targetGeneratedTokens: z.number().nonnegative(),
  tokensPerChain: z.number().nonnegative(),
});

/** One method at one think time over every case: the figures of one table row. */
export const MethodRow = z.object({
  /** `tot-b5`, or `best-of-n@tot-b5` for best-of-N sized to that search. */
  method: z.string(),
  label: z.string(),
  kind: z.enum(["single-pass", "search", "best-of-n"]),
  budgetMs: z.number().positive(),
  cases: Count,
  solved: Count,
  successRate: z.number().min(0).max(1),
  promptTokensPerCase: z.number().nonnegative(),
  evaluatedPromptTokensPerCase: z.number().nonnegative(),
  generatedTokensPerCase: z.number().nonnegative(),
  callsPerCase: z.number().nonnegative(),
  secondsPerCase: z.number().nonnegative(),
  /** How many cases stopped for each reason. */
  stopReasons: z.record(z.string(), Count),
  /** GPT-4's success rate in the ToT paper, where it reports this method. */
  paperSuccessRate: z.number().min(0).max(1).optional(),
  bestOfN: BestOfNSizingRecord.optional(),
  outcomes: z.array(CaseOutcomeRecord),
});
export type MethodRow = z.infer<typeof MethodRow>;

/** One line of the accuracy-against-think-time chart. */
export const CurveSeries = z.object({
  method: z.string(),
  label: z.string(),
  kind: z.enum(["single-pass", "search", "best-of-n"]),
  /** For best-of-N: the search it is sized to, drawn dashed in that search's colour. */
  pairedWith: z.string().optional(),
  points: z.array(
    z.object({
      budgetMs: z.number().positive(),
      successRate: z.number().min(0).max(1),
      solved: Count,
      cases: Count,
      generatedTokensPerCase: z.number().nonnegative(),
      secondsPerCase: z.number().nonnegative(),
    }),
  ),
});
export type CurveSeries = z.infer<typeof CurveSeries>;

/** The machine a run was measured on, with its load: other work on it slows every figure. */
export const MachineRecord = z.object({
  cpu: z.string(),
  cores: Count,
  memoryGiB: z.number().nonnegative(),
  node: z.string(),
  platform: z.string(),
  loadAverage: z.object({ start: z.number(), end: z.number() }),
});

/** The whole result of {@link runEvaluation}, as written to `evaluation.json`. */
export const EvaluationReport = z.object({
  format: z.literal(EVALUATION_FORMAT),
  task: z.string(),
  model: z.object({ id: z.string(), source: z.string(), randomWeights: z.boolean() }),
  /** Sentences a reader must see beside the figures (random weights, shared prompts). */
  notes: z.array(z.string()),
  settings: z.object({
    seed: Count,
    methods: z.array(z.string()),
    budgetMs: z.number().positive(),
    budgetsMs: z.array(z.number().positive()),
    profile: z.string().optional(),
    caseSource: z.string(),
    temperature: z.number(),
    branching: Count,
    samples: Count,
    maxNodes: Count,
    concurrency: Count,
  }),
  machine: MachineRecord,
  cases: z.array(z.object({ id: z.string(), input: z.string() })),
  reference: z.object({
    source: z.string(),
    successRates: z.record(z.string(), z.number()),
  }),
  /** What one best-of-N chain cost in the pilot, when best-of-N was run. */
  chainCost: z
    .object({ tokensPerChain: z.number(), pilotChains: Count, pilotCases: Count })
    .optional(),
  /** The rows at `settings.budgetMs`, in the table's order. */
  table: z.array(MethodRow),
  /** Every row at every think time, one series a method. */
  curve: z.array(CurveSeries),
  startedAt: z.string(),
  elapsedMs: z.number().nonnegative(),
});
export type EvaluationReport = z.infer<typeof EvaluationReport>;
