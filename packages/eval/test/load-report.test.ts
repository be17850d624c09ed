import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadEvaluationReport } from "../src/index.js";

describe("loadEvaluationReport", () => {
  it("says where a file departs from the documented shape", async () => {
    const dir = await mkdtemp(join(tmpdir(), "eval-report-"));
    const broken = join(dir, "broken.json");
    await writeFile(broken, JSON.stringify({ format: "deliberate-eval/0" }));
    await expect(loadEvaluationReport(broken)).rejects.toMatchObject({
      code: "INVALID_REPORT",
      message: expect.stringContaining("`format`"),
    });
    const text = join(dir, "text.json");
    await writeFile(text, "not json");
    await expect(loadEvaluationReport(text)).rejects.toThrow(/Expected JSON in .*text.json/);
  });
});
