import OpenAI from "openai";
import { type RunningCli, startCli } from "../../cli/helpers/run-cli.js";

/** A `deliberate serve` process on 127.0.0.1 and an official OpenAI client pointed at it. */
export interface ServeUnderTest {
  readonly cli: RunningCli;
  /** `http://127.0.0.1:<port>`, always loopback whatever the server is bound to. */
  readonly url: string;
  readonly client: OpenAI;
  /** The JSON log records on stderr so far. */
  records(): Record<string, unknown>[];
  /** Resolves with the first log record `match` accepts, waiting for it to be written. */
  waitForRecord(
    match: (record: Record<string, unknown>) => boolean,
  ): Promise<Record<string, unknown>>;
  /** Sends SIGTERM and waits for the process to end. */
  stop(): Promise<void>;
}

/** Parses the JSON log lines of stderr, skipping anything else. */
export function parseRecords(stderr: string): Record<string, unknown>[] {
  return stderr
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Starts `deliberate serve --model <model> --port 0` (synthetic:tiny unless given) with `args`, waits for it to listen,
 * and connects the client through 127.0.0.1 (also when the server listens on 0.0.0.0: no traffic
 * leaves the loopback). `apiKey` is what the client sends.
 */
export async function startServe(
  args: readonly string[],
  apiKey = "no-key",
  model = "synthetic:tiny",
): Promise<ServeUnderTest> {
  const cli = startCli(["serve", "--model", model, "--port", "0", ...args]);
  const stderr = await cli.waitForStderr('"msg":"listening"');
  const listening = parseRecords(stderr).find((record) => record.msg === "listening");
  const port = new URL(String(listening?.url)).port;
  const url = `http://127.0.0.1:${port}`;
  let text = stderr;
  cli.child.stderr?.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  return {
    cli,
    url,
    client: new OpenAI({ baseURL: `${url}/v1`, apiKey, maxRetries: 0, timeout: 60_000 }),
    records: () => parseRecords(text),
    async waitForRecord(match) {
      for (;;) {
        const found = parseRecords(text).find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      if (cli.child.exitCode === null) cli.child.kill("SIGTERM");
      await cli.done;
    },
  };
}
