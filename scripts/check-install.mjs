#!/usr/bin/env node
// The install check of CI (`npm run check-install`): packs every public package, installs the
// tarballs into a fresh app outside the repository as a user would (the @deliberate packages from
// the tarballs only; third-party ones from the npm registry, which is why this is not a vitest
// test), type-checks the README's code against what was installed, runs it on a generated model,
// and runs the installed `deliberate` command offline. Any failure exits 1 with what broke.
//
//   node scripts/check-install.mjs [--packs <dir of tarballs already packed>] [--keep]
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { installTarballs, verifyBin, verifyInstalled } from "./lib/install-app.mjs";
import { listPublicPackages, REPO_ROOT, tarballName } from "./lib/public-packages.mjs";
import { compilePrograms, planRuns, writeReadmePrograms } from "./lib/readme-programs.mjs";
import { CheckError, runCommand, tail } from "./lib/run-command.mjs";

// The README's example loads a 1.5B instruct GGUF that a user downloads (about 1 GB): this check
// runs that code on a chat model the llama package writes itself instead. Only the model string
// is swapped, in the compiled file; the type-check above sees the README's code verbatim.
const RUN_MODEL = "synthetic:tiny-chat";
// The CLI runs offline on the model that ships inside @deliberate/tiny-reasoner.
const CLI_MODEL = "builtin:tiny-reasoner";

const { values } = parseArgs({
  options: { packs: { type: "string" }, keep: { type: "boolean", default: false } },
});

const work = mkdtempSync(join(tmpdir(), "deliberate-install-check-"));
const appDir = join(work, "app");
mkdirSync(appDir);
const timings = [];

async function step(name, action) {
  console.log(`\n== check-install: ${name}`);
  const started = performance.now();
  const value = await action();
  timings.push([name, (performance.now() - started) / 1000]);
  return value;
}

async function packTarballs(packages) {
  if (values.packs !== undefined) return resolve(values.packs);
  const packsDir = join(work, "packs");
  await runCommand(
    process.execPath,
    [join(REPO_ROOT, "scripts", "pack-packages.mjs"), "--out", packsDir],
    {
      cwd: REPO_ROOT,
      inherit: true,
      timeoutMs: 600_000,
      what: `Packing ${packages.length} packages`,
    },
  );
  return packsDir;
}

function listTarballs(packsDir, packages) {
  const found = new Set(readdirSync(packsDir));
  return packages.map(({ manifest }) => {
    const file = tarballName(manifest);
    if (!found.has(file))
      throw new CheckError(`Expected ${file} in ${packsDir}, got none: run npm run pack`);
    return join(packsDir, file);
  });
}

async function runReadme(runs) {
  for (const { jsPath, source, model, readmeModel } of runs) {
    const note = model === readmeModel ? model : `${model} instead of the README's ${readmeModel}`;
    console.log(`running ${source} on ${note}`);
    const { stdout } = await runCommand(process.execPath, [jsPath], {
      cwd: appDir,
      env: { DELIBERATE_CACHE: join(work, "cache") },
      timeoutMs: 180_000,
      what: `Running ${source}`,
    });
    if (stdout.trim() === "")
      throw new CheckError(`Expected ${source} to print its answer, it printed nothing`);
    // A generated model writes nonsense at length: the first lines, clipped, show that it ran.
    for (const line of stdout.trimEnd().split("\n").slice(0, 4))
      console.log(line.length > 160 ? `${line.slice(0, 157)}...` : line);
  }
}

async function runCli(cliVersion) {
  // --no-install: never fetch a package named `deliberate` (an unrelated one owns that name).
  const npx = (args, options) =>
    runCommand("npx", ["--no-install", "deliberate", ...args], {
      cwd: appDir,
      env: { npm_config_offline: "true", DELIBERATE_CACHE: join(work, "cache") },
      timeoutMs: 120_000,
      ...options,
    });
  const version = (
    await npx(["--version"], { what: "Running the installed deliberate --version" })
  ).stdout.trim();
  if (version !== cliVersion)
    throw new CheckError(`Expected deliberate --version to print ${cliVersion}, got ${version}`);
  console.log(`deliberate --version: ${version}`);
  const args = [
    "solve",
    "game24",
    "4 9 10 13",
    "--model",
    CLI_MODEL,
    "--think",
    "5s",
    "--html",
    "tree.html",
  ];
  // 3 is the CLI's "no answer within the budget": the command ran; a loaded machine may get there.
  const solved = await npx(args, {
    expect: [0, 3],
    what: "Running the installed deliberate solve",
  });
  console.log(`deliberate ${args.join(" ")} (exit ${solved.status}):\n${tail(solved.stdout, 8)}`);
  const html = join(appDir, "tree.html");
  if (!existsSync(html) || statSync(html).size < 10_000)
    throw new CheckError(
      `Expected deliberate solve --html to write the viewer to ${html}, got no such file or a stub`,
    );
}

async function main() {
  if (!relative(REPO_ROOT, work).startsWith(".."))
    throw new CheckError(`Expected ${work} outside the repository`);
  const packages = listPublicPackages();
  const cli = packages.find(({ manifest }) => manifest.bin?.deliberate !== undefined);
  if (cli === undefined)
    throw new CheckError("Expected a public package with the deliberate bin, found none");
  const packsDir = await step("pack", () => packTarballs(packages));
  const tarballs = listTarballs(packsDir, packages);
  await step(`install ${tarballs.length} tarballs into ${appDir}`, async () => {
    const asked = await installTarballs(appDir, tarballs);
    // npm looks a scoped dependency up even when a given tarball satisfies it: say so, harmlessly.
    console.log(
      `npm asked the stand-in @deliberate registry ${asked.length} times; it has nothing to give`,
    );
  });
  await step("verify the install", () => {
    verifyInstalled(appDir, packages);
    console.log(`${packages.length} packages from their tarballs; bin ${verifyBin(appDir)}`);
  });
  const programs = await step("type-check the README's code (nodenext)", async () => {
    const written = writeReadmePrograms(appDir, packages);
    await compilePrograms(appDir, written);
    console.log(
      `${written.length} blocks type-check: ${written.map(({ file }) => file).join(", ")}`,
    );
    return written;
  });
  await step("run the README's code", () => runReadme(planRuns(appDir, programs, RUN_MODEL)));
  await step("run the installed CLI offline", () => runCli(cli.manifest.version));
}

const started = performance.now();
try {
  await main();
  // node-llama-cpp's prebuilt binaries make the app about 800 MB: do not leave it behind.
  if (!values.keep)
    await step("remove the app", () => rmSync(work, { recursive: true, force: true }));
  const total = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\ncheck-install: OK in ${total} s`);
  for (const [name, seconds] of timings)
    console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${name}`);
} catch (error) {
  const message = error instanceof CheckError ? error.message : (error?.stack ?? String(error));
  console.error(
    `\ncheck-install: FAILED — ${message}\n(the app is kept in ${appDir} to look into)`,
  );
  process.exitCode = 1;
}
