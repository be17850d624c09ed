import { isDeliberateError, type ThinkInput } from "@deliberate/core";
import type { LlamaModel } from "@deliberate/llama";
import { checkBuiltinKnowsTask } from "../model/builtin-tasks.js";
import type { RemoteModel } from "../model/open-remote-model.js";
import { isOpenAISpec } from "../model/openai-spec.js";
import type { SearchOptions } from "../options/build-think-options.js";
import { checkInputFits } from "../run/check-input-fits.js";
import { checkSearchOptions } from "../run/preflight.js";
import { createTask } from "../tasks/create-task.js";
import { invalidRequest } from "./api-error.js";
import type { ChatRequest } from "./parse-chat-request.js";

/** What a request searches and how, ready for `createSearch` (the model and signal aside). */
export interface SearchPlan {
  readonly input: ThinkInput;
  readonly options: SearchOptions;
}

/**
 * Turns a checked request into a search the way `ask` and `solve` do: the task (a puzzle that does
 * not parse, a built-in model asked what it was not trained on), the options against the task (an
 * evaluator the task has no prompt for), and whether the first prompt fits the model's context —
 * each a 400 before the request takes a search slot.
 */
export function buildSearchPlan(
  chat: ChatRequest,
  model: LlamaModel | RemoteModel,
  spec: string,
): SearchPlan {
  const options: SearchOptions = {
    strategy: chat.strategy,
    budget: { time: chat.thinkMs },
    seed: chat.seed ?? 0,
    ...(chat.evaluator === undefined
      ? {}
      : // An engine behind openai: answers a vote from top_logprobs in one request, as ask does.
        chat.evaluator === "vote" && isOpenAISpec(spec)
        ? { evaluator: { name: "vote", probabilities: true } }
        : { evaluator: chat.evaluator }),
    ...(chat.temperature === undefined ? {} : { temperature: chat.temperature }),
  };
  try {
    checkBuiltinKnowsTask(spec, chat.task);
    const input =
      chat.task === "question" ? chat.question : createTask(chat.task, chat.question, {});
    checkSearchOptions(input, options);
    try {
      // A remote engine's context is its server's to know: it answers an overflow itself.
      if (isLocal(model)) checkInputFits(input, model, spec);
    } catch (error) {
      throw invalidRequest("messages", (error as Error).message, "context_length_exceeded");
    }
    return { input, options };
  } catch (error) {
    if (isDeliberateError(error)) throw invalidRequest(findParam(error), error.message);
    throw error;
  }
}

/** The request field a core or task error is about, in the request's own terms. */
function findParam(error: { code: string; field?: string }): string | null {
  if (error.code === "INVALID_USAGE" || error.code === "INVALID_TASK") return "deliberate.task";
  if (error.field === "evaluator") return "deliberate.evaluator";
  if (error.field === "strategy") return "deliberate.strategy";
  return error.field ?? null;
}

/** Whether the model is a loaded GGUF, which can measure a prompt against its context. */
function isLocal(model: LlamaModel | RemoteModel): model is LlamaModel {
  return typeof (model as Partial<LlamaModel>).renderPrompt === "function";
}
