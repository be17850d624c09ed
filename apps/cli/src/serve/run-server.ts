import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { ExitCode as Codes } from "../cli-error.js";
import type { ServeFlags } from "../commands/serve.js";
import { openAnyModel } from "../model/open-any-model.js";
import { pickModelOptions } from "../options/model-flags.js";
import { buildGuards } from "../run/build-guards.js";
import { describeTerminal } from "../ui/terminal.js";
import { createLogWriter } from "./access-log.js";
import { startServer } from "./start-server.js";

/**
 * Runs `deliberate serve` until SIGTERM or SIGINT: loads the model once (every request shares
 * it), listens, and on the first signal shuts down gracefully — no new requests, `--grace` for
 * the searches in flight, then the rest cancelled with their best answer so far — and frees the
 * model. A second signal exits at once. Resolves with exit code 0 after a graceful shutdown.
 */
export async function runServer(
  flags: ServeFlags & { readonly apiKey: string | undefined; readonly maxThink: number },
): Promise<Codes> {
  const log = createLogWriter();
  const stop = new AbortController();
  let first: NodeJS.Signals | undefined;
  const onSignal = (name: NodeJS.Signals) => {
    if (first !== undefined) process.exit(name === "SIGINT" ? Codes.interrupted : Codes.terminated);
    first = name;
    log({ msg: "shutting_down", signal: name, grace_ms: flags.grace });
    stop.abort(new Error(`stopped by ${name}`));
  };
  const onInt = () => onSignal("SIGINT");
  const onTerm = () => onSignal("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  try {
    const model = await openAnyModel(flags.model, {
      ...pickModelOptions(flags),
      terminal: describeTerminal(),
      signal: stop.signal,
      notify: (line) => log({ msg: "note", note: line }),
    }).catch((error: unknown) => {
      if (stop.signal.aborted) return undefined;
      throw error;
    });
    if (!model) return first === "SIGINT" ? Codes.interrupted : Codes.terminated;
    try {
      // A guard the model cannot serve (--max-perplexity on a remote engine) is a usage error now,
      // not a failure of every request.
      buildGuards(flags, model);
      const saveDir = flags.saveDir ? resolve(flags.saveDir) : undefined;
      if (saveDir) await mkdir(saveDir, { recursive: true });
      const server = await startServer({
        model,
        spec: flags.model,
        host: flags.host,
        port: flags.port,
        ...(flags.apiKey === undefined ? {} : { apiKey: flags.apiKey }),
        defaults: {
          model: flags.name ?? flags.model,
          efforts: { low: flags.low, medium: flags.medium, high: flags.high },
          effort: flags.effort,
          maxThinkMs: flags.maxThink,
        },
        guards: flags,
        maxBody: flags.maxBody,
        parallel: flags.parallel,
        queue: flags.queue,
        viewer: flags.viewer === true,
        keepTrees: flags.keepTrees,
        ...(saveDir ? { saveDir } : {}),
        log,
      });
      if (!stop.signal.aborted) {
        await new Promise((done) => stop.signal.addEventListener("abort", done, { once: true }));
      }
      const { cancelled } = await server.shutdown(flags.grace);
      log({ msg: "stopped", cancelled_searches: cancelled });
      return Codes.answered;
    } finally {
      await model.dispose();
    }
  } finally {
    process.off("SIGINT", onInt);
    process.off("SIGTERM", onTerm);
  }
}
