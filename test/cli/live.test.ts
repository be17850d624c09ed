import { describe, expect, it } from "vitest";
import { startCli } from "./helpers/run-cli.js";

describe("deliberate ask --live", () => {
  it("serves the viewer on 127.0.0.1 while it thinks and stops serving when it exits", async () => {
    const cli = startCli([
      "ask",
      "Why is the sky blue?",
      "--model",
      "synthetic:tiny",
      "--think",
      "4s",
      "--live",
    ]);
    const stderr = await cli.waitForStderr("thinking for up to");
    const url = /live viewer: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr)?.[1];
    expect(url, stderr).toBeDefined();
    const page = await fetch(url as string);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/^<!doctype html>/i);
    const response = await fetch(new URL("tree.json", url));
    const tree = (await response.json()) as { question: string };
    expect(tree.question).toBe("Why is the sky blue?");
    const run = await cli.done;
    expect(run.code, run.stderr).toBe(3);
    await expect(fetch(url as string)).rejects.toThrow();
  });
});
