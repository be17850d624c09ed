import { type Model, type ThinkInput, type ThinkManyOptions, thinkMany } from "@deliberate/core";
import { formatDuration } from "@deliberate/core/options";
import type { ExitCode } from "../cli-error.js";
import { openAnyModel } from "../model/open-any-model.js";
import type { OpenModelOptions } from "../model/open-model.js";
import { buildThinkOptions, type SearchOptions } from "../options/build-think-options.js";
import type { GuardFlags } from "../options/guard-flags.js";
import type { ManyFlags } from "../options/many-flags.js";
import { pickModelOptions } from "../options/model-flags.js";
import type { ThinkFlags } from "../options/think-flags.js";
import {
  findManyExitCode,
  formatManySummary,
  formatQuestionLine,
  toManyJson,
} from "../output/many-output.js";
import { stringifyJson } from "../output/result-json.js";
import { describeTerminal } from "../ui/terminal.js";
import { buildGuards } from "./build-guards.js";
import type { InputLine } from "./read-input-lines.js";
import { findSignalExitCode, watchStopSignals } from "./stop-signals.js";

/** What `solve --file` hands to {@link runMany}. */
export interface ManyRequest {
  /** The task's name, for the JSON output. */
  readonly task: string;
  /** The lines of the file and what each became, in file order. */
  readonly lines: readonly InputLine[];
  readonly inputs: readonly ThinkInput[];
  readonly flags: ThinkFlags & ManyFlags;
  readonly defaults?: Partial<SearchOptions>;
  /** The input-guard flags of `solve`: each input is guarded; without them none is. */
  readonly guards?: GuardFlags;
}

/** Opens the model `--model` names; tests hand in a scripted one. */
export type OpenManyModel = (
  spec: string,
  options: OpenModelOptions,
) => Promise<Model & { dispose?: () => Promise<void> | void }>;

/** A model that is never called: it only lets core check the options. */
const PLACEHOLDER: Model = {
  id: "placeholder",
  generate: () => Promise.reject(new Error("the placeholder model is never called")),
};

/** The options of `thinkMany`, from the flags: `--think` per input unless `--total` is given. */
export function buildManyOptions(
  request: ManyRequest,
): Omit<ThinkManyOptions, "model"> & { readonly budget: number } {
  const { flags } = request;
  const { budget, ...think } = buildThinkOptions(flags, request.defaults);
  const { time: _perInput, ...perQuestion } = budget ?? {};
  return {
    ...think,
    budget: flags.total ?? flags.think * request.inputs.length,
    perQuestion,
    ...(flags.minThink === undefined ? {} : { minPerQuestion: flags.minThink }),
    ...(flags.maxThink === undefined ? {} : { maxPerQuestion: flags.maxThink }),
  };
}

/**
 * Runs `solve --file`: every input shares one think-time pool (`thinkMany`), one line is printed
 * per input as it finishes, then a summary (or one JSON object with `--json`). Options are
 * checked before the model loads; Ctrl-C stops every input with its best answer so far.
 */
export async function runMany(
  request: ManyRequest,
  open: OpenManyModel = openAnyModel,
): Promise<ExitCode> {
  const { flags } = request;
  const options = buildManyOptions(request);
  // Checks every option and input in milliseconds, with no model call: the signal is aborted.
  await thinkMany(request.inputs, { ...options, model: PLACEHOLDER, signal: AbortSignal.abort() });
  const terminal = describeTerminal();
  const notify = (line: string) => process.stderr.write(`${line}\n`);
  const stop = watchStopSignals(notify, "stopping every input with its best answer so far");
  let model: Awaited<ReturnType<OpenManyModel>> | undefined;
  try {
    model = await open(flags.model, {
      ...pickModelOptions(flags),
      terminal,
      signal: stop.signal,
      notify,
    });
    const received = stop.received();
    if (received) return findSignalExitCode(received);
    const budgetMs = options.budget;
    const count = request.inputs.length;
    if (!flags.json) {
      notify(
        `thinking about ${count} inputs with ${formatDuration(budgetMs)} in all (Ctrl-C stops with the best answers so far)`,
      );
    }
    const guards = request.guards ? buildGuards(request.guards, model) : undefined;
    const many = await thinkMany(request.inputs, {
      ...options,
      ...(guards ? { guards } : {}),
      model,
      signal: stop.signal,
      onProgress: (event) => {
        const line = request.lines[event.type === "pool" ? -1 : event.index];
        if (event.type !== "question-finished" || flags.json || !line) return;
        const position = { index: event.index, count };
        process.stdout.write(`${formatQuestionLine(line, position, event.result)}\n`);
      },
    });
    const signal = stop.received();
    if (flags.json) {
      const context = {
        task: request.task,
        model: flags.model,
        budgetMs,
        ...(signal ? { signal } : {}),
      };
      process.stdout.write(`${stringifyJson(toManyJson(many, request.lines, context))}\n`);
    } else {
      process.stdout.write(`${formatManySummary(many, budgetMs)}\n`);
    }
    return findManyExitCode(many, signal);
  } catch (error) {
    const received = stop.received();
    if (received && model === undefined) return findSignalExitCode(received);
    throw error;
  } finally {
    stop.dispose();
    await model?.dispose?.();
  }
}
