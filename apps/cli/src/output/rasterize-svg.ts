import { spawn } from "node:child_process";
import { constants } from "node:fs";
import { access, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "@deliberate/viz/testing";
import { CliError } from "../cli-error.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Longest a screenshot may take: Chromium starts in about a second, a picture draws in less. */
const TIMEOUT_MS = 60_000;

/**
 * Checks, before any work, that the Chromium the project's tests and benchmark use is there
 * (`CHROMIUM_PATH`, else `/usr/bin/chromium`), and says how to get one or an SVG instead.
 */
export async function findChromium(output: string): Promise<string> {
  try {
    await access(CHROMIUM_PATH, constants.X_OK);
    return CHROMIUM_PATH;
  } catch {
    throw new CliError(
      `Expected Chromium at ${CHROMIUM_PATH} to draw ${JSON.stringify(output)}, found none. Install it (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome, or write an SVG instead: -o ${output.replace(/\.png$/i, ".svg")}.`,
    );
  }
}

/** Pixels on the longer side past which a PNG is drawn at 1×: Chromium's screenshots have limits. */
const MAX_SIDE_AT_2X = 8000;

/**
 * Draws an SVG picture as a PNG at twice its size (sharp on high-density screens and in print;
 * 1× for a picture longer than 8,000 pixels)
 * with headless Chromium's own `--screenshot`, from a scratch folder with a fresh profile, and
 * moves it into place only once Chromium wrote a real PNG. No page script is involved: the SVG
 * is opened as a file and holds none.
 */
export async function rasterizeSvg(
  chromium: string,
  svg: string,
  size: { width: number; height: number },
  output: string,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "deliberate-png-"));
  try {
    const source = join(dir, "tree.svg");
    const shot = join(dir, "tree.png");
    await writeFile(source, svg);
    const args = [
      ...CHROMIUM_FLAGS,
      `--user-data-dir=${join(dir, "profile")}`,
      "--hide-scrollbars",
      `--force-device-scale-factor=${Math.max(size.width, size.height) > MAX_SIDE_AT_2X ? 1 : 2}`,
      `--window-size=${size.width},${size.height}`,
      `--screenshot=${shot}`,
      `file://${source}`,
    ];
    const { code, stderr } = await run(chromium, args);
    const png = await readFile(shot).catch(() => undefined);
    if (!png?.subarray(0, 8).equals(PNG_SIGNATURE)) {
      const last = stderr.trim().split("\n").at(-1) ?? "";
      throw new CliError(
        `Expected Chromium (${chromium}) to write a PNG of the tree, but it exited with ${code} and wrote none${last ? `: ${last}` : ""}. Write an SVG instead with -o ${output.replace(/\.png$/i, ".svg")}.`,
      );
    }
    const partial = `${output}.${process.pid}.tmp`;
    await writeFile(partial, png);
    await rename(partial, output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs Chromium to the end (or the timeout), keeping the end of its stderr for the error. */
function run(file: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      stdio: ["ignore", "ignore", "pipe"],
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-4000);
    });
    child.on("error", (error) => resolve({ code: null, stderr: `${stderr}\n${error.message}` }));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}
