import { resolve } from "node:path";
import { createSearch, type Result, type SearchSnapshot, type ThinkInput } from "@deliberate/core";
import { formatDuration } from "@deliberate/core/options";
import type { LlamaModel } from "@deliberate/llama";
import type { ExitCode } from "../cli-error.js";
import { openAnyModel } from "../model/open-any-model.js";
import type { RemoteModel } from "../model/open-remote-model.js";
import { isOpenAISpec } from "../model/openai-spec.js";
import { buildThinkOptions, type SearchOptions } from "../options/build-think-options.js";
import type { GuardFlags } from "../options/guard-flags.js";
import { pickModelOptions } from "../options/model-flags.js";
import type { ThinkFlags } from "../options/think-flags.js";
import { createProgressTracker } from "../ui/search-progress.js";
import { startStatusLine } from "../ui/status-line.js";
import { describeTerminal, type Terminal } from "../ui/terminal.js";
import { buildGuards } from "./build-guards.js";
import { checkInputFits } from "./check-input-fits.js";
import type { SearchOrigin } from "./checkpoint-file.js";
import { type Checkpoints, startCheckpoints } from "./checkpoints.js";
import { findsGuardBlock } from "./guards-block.js";
import { type LiveView, startLiveView } from "./live-view.js";
import { checkSearchOptions } from "./preflight.js";
import { reportResult } from "./report-result.js";
import { startStepCheckpoints } from "./step-checkpoints.js";
import { findSignalExitCode, watchStopSignals } from "./stop-signals.js";

/** What `ask`, `solve` and `demo` hand to {@link runSearch}. */
export interface SearchRequest {
  /** The question, or a structured task. */
  readonly input: ThinkInput;
  readonly flags: ThinkFlags;
  /** Options the command sets unless a flag overrides them (the demo's evaluator, say). */
  readonly defaults?: Partial<SearchOptions>;
  /** Lines shown on stderr before the search starts (unless `--json`). */
  readonly notes?: readonly string[];
  /** What was searched: with `--save`, a checkpoint keeps it so `deliberate resume` can go on. */
  readonly origin?: SearchOrigin;
  /** A checkpoint's snapshot to go on from, instead of a fresh search. */
  readonly snapshot?: SearchSnapshot;
  /** The input-guard flags of `ask` and `solve`; without them the question is not guarded. */
  readonly guards?: GuardFlags;
  /** Called with the finished search before its result is reported (the demo compares two). */
  readonly onResult?: (result: Result) => void;
}

/**
 * Writes a notice on stderr. On a terminal it first clears the line, which may hold the status
 * line: the notice takes that line, and the status line is redrawn below it.
 */
function createNotifier(terminal: Terminal): (line: string) => void {
  const clear = terminal.interactive ? "\r\u001b[2K" : "";
  return (line) => process.stderr.write(`${clear}${line}\n`);
}

/**
 * Runs one search the way the CLI does: checks the options, opens the model, shows the status line
 * (and the live viewer), stops gracefully on SIGINT or SIGTERM, then saves and prints the result.
 * Returns the exit code.
 */
export async function runSearch(request: SearchRequest): Promise<ExitCode> {
  const { input, flags } = request;
  const options = buildThinkOptions(flags, request.defaults);
  checkSearchOptions(input, options);
  const terminal = describeTerminal();
  const notify = createNotifier(terminal);
  const stop = watchStopSignals(notify);
  let model: LlamaModel | RemoteModel | undefined;
  let live: LiveView | undefined;
  let checkpoints: Checkpoints | undefined;
  try {
    // A remote engine (`openai:<base-url>/<model>`) loads nothing here; its server knows its context.
    const remote = isOpenAISpec(flags.model);
    model = await openAnyModel(flags.model, {
      ...pickModelOptions(flags),
      terminal,
      signal: stop.signal,
      notify,
    });
    const received = stop.received();
    if (received) return findSignalExitCode(received);
    const guards = request.guards ? buildGuards(request.guards, model) : undefined;
    if (!remote) {
      try {
        checkInputFits(input, model as LlamaModel, flags.model);
      } catch (error) {
        // A question the guards refuse is reported blocked by the search, not as too long.
        if (!(await findsGuardBlock(guards, input))) throw error;
      }
    }
    if (!flags.json) for (const note of request.notes ?? []) notify(note);

    const tracker = createProgressTracker();
    const steps = stepCheckpoints(request, notify);
    const search = createSearch(
      input,
      {
        ...options,
        ...(guards ? { guards } : {}),
        ...(steps ? { checkpoint: steps.option } : {}),
        model,
        signal: stop.signal,
        onEvent: (event) => tracker.record(event),
      },
      request.snapshot ? { snapshot: request.snapshot } : {},
    );
    if (flags.live) {
      live = await startLiveView(() => search.tree());
      notify(`live viewer: ${live.url}`);
    }
    const status = startStatusLine(tracker.progress, flags.think, terminal);
    search.start();
    if (flags.save)
      checkpoints = startCheckpoints(resolve(flags.save), () => search.tree(), notify);
    if (!terminal.interactive) {
      notify(
        `thinking for up to ${formatDuration(flags.think)} (Ctrl-C stops with the best answer so far)`,
      );
    }
    let result: Result;
    try {
      result = await search.result;
    } finally {
      status.stop();
      await checkpoints?.stop();
    }
    live?.finish(result.tree);
    request.onResult?.(result);
    const code = await reportResult(result, flags, stop.received());
    // A stopped search keeps its checkpoint to be resumed; a finished one has nothing left to resume.
    if (result.stopReason !== "cancelled") await steps?.remove();
    if (live && terminal.interactive && !stop.received()) {
      stop.dispose();
      notify(`the final tree stays at ${live.url} — press Ctrl-C to quit`);
      await waitForQuit();
    }
    return code;
  } catch (error) {
    const received = stop.received();
    // A download or load cut short by Ctrl-C is a stop, not an error.
    if (received && model === undefined) return findSignalExitCode(received);
    throw error;
  } finally {
    await checkpoints?.stop();
    stop.dispose();
    await live?.close();
    await model?.dispose();
  }
}

/** The step checkpoints of a `--save` search whose origin is known, else `undefined`. */
function stepCheckpoints(request: SearchRequest, notify: (line: string) => void) {
  const { flags, origin } = request;
  if (!flags.save || !origin) return undefined;
  return startStepCheckpoints({
    tree: resolve(flags.save),
    origin,
    flags,
    defaults: request.defaults ?? {},
    notify,
  });
}

/** Resolves at the next Ctrl-C or SIGTERM: a finished live view stays up until the user is done. */
function waitForQuit(): Promise<void> {
  return new Promise((resolve) => {
    const quit = () => {
      process.off("SIGINT", quit);
      process.off("SIGTERM", quit);
      resolve();
    };
    process.on("SIGINT", quit);
    process.on("SIGTERM", quit);
  });
}
