import type { EvaluatorName, StrategyName } from "@deliberate/core/options";
import { EVALUATOR_NAMES, STRATEGY_NAMES } from "../options/parse-values.js";
import { TASKS } from "../tasks/task-catalog.js";
import { ApiError, describeJson, invalidRequest } from "./api-error.js";
import { parseThinkField } from "./think-field.js";

/** `reasoning_effort` values and the think time each stands for. */
export const EFFORTS = ["low", "medium", "high"] as const;
export type Effort = (typeof EFFORTS)[number];

/** What the server decides for a request the client left open. */
export interface ChatDefaults {
  /** The served model's name: the only `model` a request may ask for. */
  readonly model: string;
  /** Think time per `reasoning_effort`, in milliseconds. */
  readonly efforts: Readonly<Record<Effort, number>>;
  /** The effort of a request that names none. */
  readonly effort: Effort;
  /** Longest think time a request may ask for through `deliberate.think`. */
  readonly maxThinkMs: number;
}

/** Names of the tasks a request may ask for: the free-form question and `solve`'s tasks. */
export const TASK_NAMES = ["question", ...TASKS.map((task) => task.name)] as const;

/** One chat request, checked and mapped onto a search. */
export interface ChatRequest {
  /** What the search thinks about: the last user message, after the conversation before it. */
  readonly question: string;
  readonly task: string;
  readonly thinkMs: number;
  readonly strategy: StrategyName;
  readonly evaluator?: EvaluatorName;
  readonly temperature?: number;
  readonly seed?: number;
  readonly stream: boolean;
  /** `stream_options.include_usage`: a last chunk with the usage and no choices. */
  readonly includeUsage: boolean;
}

/** Fields of `deliberate`, the extension object of a request. */
const EXTENSION_FIELDS = ["think", "strategy", "evaluator", "task"] as const;

/**
 * Checks a parsed request body and maps it onto a search: the question from `messages`, the
 * think time from `deliberate.think` or `reasoning_effort` (else the default effort), strategy,
 * evaluator and task from `deliberate` (default: `anytime`, the strategy's evaluator, the
 * free-form question). Anything wrong is a 400 that names the field, what was expected and what
 * came; a model other than the served one is a 404, as OpenAI answers it.
 */
export function parseChatRequest(body: unknown, defaults: ChatDefaults): ChatRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalidRequest(
      null,
      `Expected a JSON object as the request body, got ${describeJson(body)}.`,
    );
  }
  const fields = body as Record<string, unknown>;
  if (fields.model !== defaults.model) {
    if (typeof fields.model !== "string") {
      throw invalidRequest(
        "model",
        `Expected "model" to be the string "${defaults.model}", got ${describeJson(fields.model)}.`,
      );
    }
    throw new ApiError(
      404,
      "not_found_error",
      "model_not_found",
      `The model ${JSON.stringify(fields.model.slice(0, 100))} does not exist here: this server serves "${defaults.model}" (GET /v1/models).`,
      "model",
    );
  }
  const question = readQuestion(fields.messages);
  const extension = readExtension(fields.deliberate);
  checkUnsupported(fields);
  const n = fields.n ?? 1;
  if (n !== 1)
    throw invalidRequest(
      "n",
      `Expected "n" to be 1 (one answer per search), got ${describeJson(n)}.`,
    );
  return {
    question,
    task: readChoice(extension.task, "deliberate.task", TASK_NAMES) ?? "question",
    thinkMs: readThinkMs(fields.reasoning_effort, extension.think, defaults),
    strategy: readChoice(extension.strategy, "deliberate.strategy", STRATEGY_NAMES) ?? "anytime",
    ...optional(
      "evaluator",
      readChoice(extension.evaluator, "deliberate.evaluator", EVALUATOR_NAMES),
    ),
    ...optional("temperature", readNumber(fields.temperature, "temperature", 0, 2)),
    ...optional("seed", readSeed(fields.seed)),
    stream: readBoolean(fields.stream, "stream") ?? false,
    includeUsage: readIncludeUsage(fields.stream_options),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The text of one message's `content`: a string, or an array of `{ type: "text", text }` parts. */
function readContent(content: unknown, param: string): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part, i) => {
        const fields = (typeof part === "object" && part !== null ? part : {}) as Record<
          string,
          unknown
        >;
        if (fields.type !== "text" || typeof fields.text !== "string") {
          throw invalidRequest(
            `${param}[${i}]`,
            `Expected a text part ({ "type": "text", "text": "..." }), got ${typeof fields.type === "string" ? `a part of type ${JSON.stringify(fields.type.slice(0, 40))}` : describeJson(part)}: this server reads text only.`,
          );
        }
        return fields.text;
      })
      .join("\n");
  }
  throw invalidRequest(
    param,
    `Expected the message content as a string or an array of text parts, got ${describeJson(content)}.`,
  );
}

const ROLES = ["system", "developer", "user", "assistant"] as const;

/**
 * The question: the last message, which must be the user's. A conversation before it is kept as
 * context, one `Role: text` block per message, so no earlier turn is silently dropped. All of it
 * is the user's data to the search (never a trusted instruction).
 */
function readQuestion(messages: unknown): string {
  if (!Array.isArray(messages) || messages.length === 0) {
    throw invalidRequest(
      "messages",
      `Expected "messages" to be a non-empty array of messages, got ${describeJson(messages)}.`,
    );
  }
  const turns = messages.map((message, i) => {
    const fields = (typeof message === "object" && message !== null ? message : {}) as Record<
      string,
      unknown
    >;
    const role = fields.role;
    if (!(ROLES as readonly unknown[]).includes(role)) {
      throw invalidRequest(
        `messages[${i}].role`,
        `Expected a role of ${ROLES.join(", ")}, got ${describeJson(role)}.`,
      );
    }
    return {
      role: role as string,
      text: readContent(fields.content, `messages[${i}].content`).trim(),
    };
  });
  const last = turns.at(-1);
  if (last?.role !== "user") {
    throw invalidRequest(
      `messages[${turns.length - 1}].role`,
      `Expected the last message to be the user's question, got a message of role ${last?.role}.`,
    );
  }
  if (last.text === "") {
    throw invalidRequest(
      `messages[${turns.length - 1}].content`,
      "Expected a question in the last user message, got empty text.",
    );
  }
  if (turns.length === 1) return last.text;
  const label = (role: string) =>
    role === "developer" ? "System" : role[0]?.toUpperCase() + role.slice(1);
  return turns.map((turn) => `${label(turn.role)}: ${turn.text}`).join("\n\n");
}

function readExtension(
  value: unknown,
): Partial<Record<(typeof EXTENSION_FIELDS)[number], unknown>> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw invalidRequest(
      "deliberate",
      `Expected "deliberate" to be an object (${EXTENSION_FIELDS.join(", ")}), got ${describeJson(value)}.`,
    );
  }
  for (const key of Object.keys(value)) {
    if (!(EXTENSION_FIELDS as readonly string[]).includes(key)) {
      throw invalidRequest(
        `deliberate.${key}`,
        `Expected a field of "deliberate" (${EXTENSION_FIELDS.join(", ")}), got ${JSON.stringify(key.slice(0, 40))}.`,
        "unknown_parameter",
      );
    }
  }
  return value as Record<string, unknown>;
}

function readChoice<T extends string>(
  value: unknown,
  param: string,
  names: readonly T[],
): T | undefined {
  if (value === undefined || value === null) return undefined;
  if ((names as readonly unknown[]).includes(value)) return value as T;
  throw invalidRequest(
    param,
    `Expected "${param}" to be one of ${names.join(", ")}, got ${describeJson(value)}.`,
  );
}

/** The think time: an explicit `deliberate.think` wins over `reasoning_effort`. */
function readThinkMs(effort: unknown, think: unknown, defaults: ChatDefaults): number {
  if (think !== undefined && think !== null) return parseThinkField(think, defaults.maxThinkMs);
  if (effort === undefined || effort === null) return defaults.efforts[defaults.effort];
  const chosen = readChoice(effort, "reasoning_effort", EFFORTS);
  return defaults.efforts[chosen as Effort];
}

function readNumber(value: unknown, param: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw invalidRequest(
      param,
      `Expected "${param}" to be a number from ${min} to ${max}, got ${describeJson(value)}.`,
    );
  }
  return value;
}

function readSeed(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > 2 ** 31 - 1) {
    throw invalidRequest(
      "seed",
      `Expected "seed" to be an integer from 0 to ${2 ** 31 - 1}, got ${describeJson(value)}.`,
    );
  }
  return value as number;
}

function readBoolean(value: unknown, param: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean")
    throw invalidRequest(
      param,
      `Expected "${param}" to be true or false, got ${describeJson(value)}.`,
    );
  return value;
}

function readIncludeUsage(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw invalidRequest(
      "stream_options",
      `Expected "stream_options" to be an object, got ${describeJson(value)}.`,
    );
  }
  return (
    readBoolean((value as Record<string, unknown>).include_usage, "stream_options.include_usage") ??
    false
  );
}

/**
 * Refuses what a search cannot honour rather than ignoring it: the client's own tools (a search
 * has its own thoughts, not the client's function calls) and an output format other than text.
 */
function checkUnsupported(fields: Record<string, unknown>): void {
  for (const key of ["tools", "functions"]) {
    const value = fields[key];
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) {
      throw invalidRequest(
        key,
        `Expected no "${key}": a deliberate search answers in text and calls no client functions, got ${describeJson(value)}.`,
        "unsupported_parameter",
      );
    }
  }
  const format = fields.response_format;
  if (format === undefined || format === null) return;
  const type = (format as Record<string, unknown>).type;
  if (type !== "text") {
    throw invalidRequest(
      "response_format",
      `Expected "response_format" of type "text" (or none), got ${describeJson(type ?? format)}.`,
      "unsupported_parameter",
    );
  }
}
