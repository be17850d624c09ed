/**
 * `npm run bench -- serve-load [--json] [--model synthetic:tiny] [--requests 64] [--think 1s]
 * [--parallel 4] [--stream false]`: starts `deliberate serve` on 127.0.0.1 (a free port), sends
 * `--requests` chat completions at once, and reports latency (p50, p95, max), throughput and
 * whether anything was lost: every request must come back 200 with an answer and a tree of its
 * own, and the server must log one record per request. The queue is sized to hold them all.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseBenchArgs, printTable } from "../bench-output.js";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const bin = join(root, "apps/cli/src/bin.ts");

/** One request as the load generator saw it. */
interface Outcome {
  readonly status: number;
  readonly ms: number;
  readonly treeId?: string;
  readonly tokens: number;
  readonly answered: boolean;
}

/** The server's JSON log records so far, and a way to wait for one. */
function watchServer(child: ChildProcess) {
  let text = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const records = () =>
    text
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    records,
    async waitFor(msg: string): Promise<Record<string, unknown>> {
      for (;;) {
        const found = records().find((record) => record.msg === msg);
        if (found) return found;
        if (child.exitCode !== null) throw new Error(`the server exited before "${msg}":\n${text}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** Sends one chat completion and reads it whole (a stream: every chunk). */
async function ask(
  url: string,
  model: string,
  i: number,
  think: string,
  stream: boolean,
): Promise<Outcome> {
  const started = performance.now();
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      model,
      messages: [{ role: "user", content: `Is ${101 + 2 * i} a prime number?` }],
      deliberate: { think },
      stream,
      ...(stream ? { stream_options: { include_usage: true } } : {}),
    }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) return { status: response.status, ms, tokens: 0, answered: false };
  if (!stream) {
    const body = JSON.parse(text) as {
      choices: { message: { content: string } }[];
      usage: { total_tokens: number };
      deliberate: { tree_id: string };
    };
    return {
      status: 200,
      ms,
      treeId: body.deliberate.tree_id,
      tokens: body.usage.total_tokens,
      answered: (body.choices[0]?.message.content ?? "") !== "",
    };
  }
  let treeId: string | undefined;
  let tokens = 0;
  let content = "";
  for (const line of text.split("\n")) {
    if (!line.startsWith("data: {")) continue;
    const chunk = JSON.parse(line.slice(6)) as {
      choices: { delta: { content?: string } }[];
      usage?: { total_tokens: number };
      deliberate?: { tree_id: string };
    };
    content += chunk.choices[0]?.delta.content ?? "";
    treeId = chunk.deliberate?.tree_id ?? treeId;
    tokens = chunk.usage?.total_tokens ?? tokens;
  }
  return {
    status: 200,
    ms,
    ...(treeId ? { treeId } : {}),
    tokens,
    answered: content !== "" && text.endsWith("data: [DONE]\n\n"),
  };
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

export async function run(args: readonly string[]): Promise<void> {
  const options = parseBenchArgs(args, {
    model: "synthetic:tiny",
    requests: "64",
    think: "1s",
    parallel: "4",
    stream: "false",
  });
  const requests = Number(options.requests);
  const stream = options.stream === "true";
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const child = spawn(
    process.execPath,
    [
      "--conditions=@deliberate/source",
      "--import",
      tsx,
      bin,
      "serve",
      "--model",
      options.model,
      "--port",
      "0",
      "--parallel",
      options.parallel,
      "--queue",
      String(requests),
      "--max-think",
      "10m",
    ],
    { cwd: root, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1" } },
  );
  const server = watchServer(child);
  const exited = new Promise<number | null>((resolve) =>
    child.on("close", (code) => resolve(code)),
  );
  try {
    const listening = await server.waitFor("listening");
    const url = String(listening.url);
    // One request first, so model warm-up and first-use compilation are not in the figures.
    await ask(url, options.model, -1, "200ms", false);
    const loadBefore = loadavg()[0] ?? 0;
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: requests }, (_, i) => ask(url, options.model, i, options.think, stream)),
    );
    const wallMs = performance.now() - started;
    const latencies = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
    const ok = outcomes.filter((outcome) => outcome.status === 200 && outcome.answered);
    const trees = new Set(ok.map((outcome) => outcome.treeId));
    child.kill("SIGTERM");
    const code = await exited;
    const logged = server
      .records()
      .filter((record) => record.msg === "request" && record.path === "/v1/chat/completions");
    const report = {
      model: options.model,
      requests,
      think: options.think,
      parallel: Number(options.parallel),
      stream,
      cpus: cpus().length,
      latencyMs: {
        p50: Math.round(quantile(latencies, 0.5)),
        p95: Math.round(quantile(latencies, 0.95)),
        max: Math.round(latencies.at(-1) ?? Number.NaN),
      },
      wallMs: Math.round(wallMs),
      requestsPerSecond: Math.round((requests / wallMs) * 1000 * 100) / 100,
      tokensPerSecond: Math.round(
        ok.reduce((sum, outcome) => sum + outcome.tokens, 0) / (wallMs / 1000),
      ),
      answered: ok.length,
      distinctTrees: trees.size,
      statuses: Object.fromEntries(
        [...new Set(outcomes.map((outcome) => outcome.status))].map((status) => [
          status,
          outcomes.filter((outcome) => outcome.status === status).length,
        ]),
      ),
      // The warm-up request is logged too.
      loggedRequests: logged.length - 1,
      lost: requests - ok.length,
      serverExit: code,
      loadAverageBefore: Math.round(loadBefore * 100) / 100,
    };
    if (options.json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      printTable(
        `serve-load: ${requests} concurrent requests, ${options.model}, think ${options.think}, --parallel ${options.parallel}${stream ? ", streamed" : ""}`,
        [
          {
            p50_ms: report.latencyMs.p50,
            p95_ms: report.latencyMs.p95,
            max_ms: report.latencyMs.max,
            wall_ms: report.wallMs,
            "req/s": report.requestsPerSecond,
            "tokens/s": report.tokensPerSecond,
            answered: `${report.answered}/${requests}`,
            trees: report.distinctTrees,
            lost: report.lost,
          },
        ],
      );
    }
    if (
      report.lost > 0 ||
      report.distinctTrees !== requests ||
      report.loggedRequests !== requests
    ) {
      throw new Error(
        `Expected all ${requests} requests answered, each with its own tree and log record, got ${report.answered} answered, ${report.distinctTrees} trees, ${report.loggedRequests} log records.`,
      );
    }
  } finally {
    if (child.exitCode === null) child.kill("SIGTERM");
  }
}
