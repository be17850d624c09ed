import { afterEach, describe, expect, it } from "vitest";
import { type ExampleRun, startExample } from "./run-example.js";

let run: ExampleRun | undefined;

afterEach(async () => {
  run?.child.kill("SIGTERM");
  await run?.exited;
  run = undefined;
});

describe("examples/http-endpoint.ts", () => {
  it("answers within the think time asked for and cancels when the client hangs up", async () => {
    run = startExample("http-endpoint.ts", [], { PORT: "0" });
    const [, base] = await run.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);

    const response = await fetch(`${base}/think?q=What+is+17*24&time=400ms`);
    const body = (await response.json()) as { stopReason: string; elapsedMs: number };
    expect(response.status).toBe(200);
    expect(["budget", "solved"]).toContain(body.stopReason);
    expect(body.elapsedMs).toBeLessThan(3_000);

    const bad = await fetch(`${base}/think?q=hi&time=soon`);
    expect(bad.status).toBe(400);

    const controller = new AbortController();
    const pending = fetch(`${base}/think?q=hi&time=30s`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    await expect(pending).rejects.toThrow();
    await run.waitFor(/cancelled after \d+ ms: the client went away/);
  });
});
