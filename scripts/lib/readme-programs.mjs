import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { REPO_ROOT } from "./public-packages.mjs";
import { findLoadedModel, readSection, readTypeScriptBlocks } from "./readme-blocks.mjs";
import { CheckError, runCommand } from "./run-command.mjs";

/** The README section whose code a user copies into their app. */
export const README_SECTION = "Use it in your code";

// The README's later blocks continue its first one: they use its `model` (and a `questions` list)
// without declaring them. Declaring those here lets every block type-check verbatim as a module of
// its own; a block that declares them itself shadows these.
const CONTEXT = `declare const model: Awaited<ReturnType<typeof import("@deliberate/llama").loadModel>>;
declare const questions: string[];
`;

// What a user's app would have: NodeNext resolution (the packages' `exports` and `types`
// conditions as Node reads them) and strict mode. Libraries' .d.ts files are checked too, so our
// own declarations are held to strict mode; errors inside third-party ones are not ours to fix.
const TSCONFIG = {
  compilerOptions: {
    module: "nodenext",
    moduleResolution: "nodenext",
    target: "es2022",
    strict: true,
    skipLibCheck: false,
    types: ["node"],
    rootDir: "src",
    outDir: "out",
  },
  include: ["src"],
};

function readReadme(dir) {
  return readFileSync(join(REPO_ROOT, dir, "README.md"), "utf8");
}

/**
 * Writes the README's "Use it in your code" blocks and each package README's example, verbatim,
 * as modules of the app in `appDir`. Returns `{ file, source, code }` for each.
 */
export function writeReadmePrograms(appDir, packages) {
  const section = readSection(readReadme("."), README_SECTION);
  if (section === undefined)
    throw new CheckError(`Expected a "## ${README_SECTION}" section in README.md, found none`);
  const programs = readTypeScriptBlocks(section).map((code, index) => ({
    file: `readme-${index + 1}.ts`,
    source: `README.md "${README_SECTION}", block ${index + 1}`,
    code,
  }));
  if (programs.length === 0)
    throw new CheckError(`Expected TypeScript blocks under "## ${README_SECTION}", found none`);
  for (const { dir } of packages) {
    const example = readSection(readReadme(dir), "Example");
    for (const [index, code] of readTypeScriptBlocks(example ?? "").entries())
      programs.push({
        file: `${basename(dir)}-example-${index + 1}.ts`,
        source: `${dir}/README.md "Example"`,
        code,
      });
  }
  mkdirSync(join(appDir, "src"), { recursive: true });
  writeFileSync(join(appDir, "tsconfig.json"), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  writeFileSync(join(appDir, "src", "readme-context.d.ts"), CONTEXT);
  for (const { file, code } of programs) writeFileSync(join(appDir, "src", file), code);
  return programs;
}

/** Type-checks and compiles the programs with the app's own TypeScript. */
export async function compilePrograms(appDir, programs) {
  const tsc = join(appDir, "node_modules", "typescript", "bin", "tsc");
  const result = await runCommand(process.execPath, [tsc, "-p", "tsconfig.json"], {
    cwd: appDir,
    expect: [0, 1, 2],
    timeoutMs: 180_000,
    what: "Type-checking the README's code",
  });
  const errors = `${result.stdout}${result.stderr}`
    .split("\n")
    .filter((line) => /error TS\d+/.test(line));
  const theirs = errors.filter(
    (line) => /^node_modules\//.test(line) && !/^node_modules\/@deliberate\//.test(line),
  );
  if (theirs.length > 0)
    console.log(
      `(${theirs.length} error(s) inside third-party .d.ts files, not ours, skipped:\n${theirs.join("\n")})`,
    );
  if (errors.length > theirs.length || (result.status !== 0 && errors.length === 0)) {
    const list = programs.map(({ file, source }) => `  src/${file} = ${source}`).join("\n");
    throw new CheckError(
      `The README's code does not type-check against the installed packages (moduleResolution nodenext):\n${result.stdout}${result.stderr}\nwhere\n${list}`,
    );
  }
}

/**
 * The README's self-contained blocks (those that load their own model) as runnable files: the
 * compiled block, with its model string swapped for `runModel` when the README names one this
 * machine cannot have (a GGUF file a user downloads). Nothing else changes. Blocks that continue
 * an earlier one (`model` from before) are type-checked only.
 */
export function planRuns(appDir, programs, runModel) {
  return programs
    .filter(({ file }) => file.startsWith("readme-"))
    .flatMap(({ file, source, code }) => {
      const loaded = findLoadedModel(code);
      if (loaded === undefined) return [];
      const jsPath = join(appDir, "out", file.replace(/\.ts$/, ".js"));
      let js = readFileSync(jsPath, "utf8");
      const swap = !/^(synthetic|builtin):/.test(loaded.model);
      if (swap) {
        if (!js.includes(loaded.literal))
          throw new CheckError(
            `Expected ${jsPath} to keep the model string ${loaded.literal} of ${source}`,
          );
        js = js.replace(loaded.literal, JSON.stringify(runModel));
        writeFileSync(jsPath, js);
      }
      return [{ jsPath, source, model: swap ? runModel : loaded.model, readmeModel: loaded.model }];
    });
}
