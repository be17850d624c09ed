#!/usr/bin/env node
// `npm run api`: writes one API report (api/<name>.api.md) per public entry point from the built
// declarations, so a change to the public surface shows up as a diff in review.
// `npm run api:check` (CI): writes nothing under api/ and fails when a report differs from what
// the current build gives, naming the report and how to accept the change.
// Both read dist/*.d.ts; `npm run api` builds them fresh first (scripts/build-fresh.mjs says why).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import {
  CompilerState,
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
} from "@microsoft/api-extractor";
import {
  DECLARATION_COMPILER_OPTIONS,
  listEntryPoints,
  REPO_ROOT,
  REPORT_DIR,
} from "./entry-points.mjs";

const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
const check = values.check;
// api-extractor writes the fresh report here in check mode, for the diff below.
const TEMP_DIR = join(REPO_ROOT, ".cache", "api");

// The root tsdoc.json adds `@default`, the tag our options use (p-queue's habit), to TSDoc's own.
// tsdoc-config is api-extractor's dependency, loaded through it so that it matches its version.
const { TSDocConfigFile } = createRequire(import.meta.resolve("@microsoft/api-extractor"))(
  "@microsoft/tsdoc-config",
);
const tsdocConfigFile = TSDocConfigFile.loadFile(join(REPO_ROOT, "tsdoc.json"));

const messages = {
  compilerMessageReporting: { default: { logLevel: "warning" } },
  extractorMessageReporting: {
    default: { logLevel: "warning" },
    // We do not ship alpha/beta/internal trims, so release tags would only add noise to every line.
    "ae-missing-release-tag": { logLevel: "none" },
    // Kept in the report, not only on the terminal: a type an export uses but the entry point does
    // not export is part of the surface, and the report should say so.
    "ae-forgotten-export": { logLevel: "warning", addToApiReportFile: true },
    // Off: TSDoc wants `{@link @deliberate/core#Model}` for a type imported from another package
    // and cannot pick between a zod schema and the type of the same name; TypeDoc resolves links
    // the way TypeScript does and `npm run docs:api` fails on a link that is really broken.
    "ae-unresolved-link": { logLevel: "none" },
    // The report already marks undocumented declarations "(undocumented)".
    "ae-undocumented": { logLevel: "none" },
  },
  tsdocMessageReporting: {
    default: { logLevel: "warning" },
    // TypeDoc, which checks our links, writes a link into another package `@deliberate/tools!Name`;
    // TSDoc wants `#` there instead.
    "tsdoc-reference-missing-hash": { logLevel: "none" },
    // Math in prose (`p₁ > p₂`) renders fine in the reference; `\>` in every comment would not read well.
    "tsdoc-escape-greater-than": { logLevel: "none" },
  },
};

function prepare(entry) {
  const projectFolder = join(REPO_ROOT, entry.dir);
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder,
      mainEntryPointFilePath: entry.types,
      compiler: {
        overrideTsconfig: { compilerOptions: DECLARATION_COMPILER_OPTIONS, files: [entry.types] },
      },
      apiReport: {
        enabled: true,
        reportFileName: entry.id,
        reportFolder: REPORT_DIR,
        reportTempFolder: TEMP_DIR,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: "lf",
      enumMemberOrder: "preserve",
      messages,
    },
    configObjectFullPath: join(projectFolder, "api-extractor.json"), // virtual: no file is read
    tsdocConfigFile,
    packageJsonFullPath: join(projectFolder, "package.json"),
  });
}

/**
 * Runs api-extractor on one entry point; returns `{ changed, errors }`. Prints only warnings and
 * errors, one short line each.
 */
function extract(config, compilerState) {
  const result = Extractor.invoke(config, {
    compilerState,
    localBuild: !check,
    messageCallback(message) {
      message.handled = true; // we print our own, shorter lines
      const level = message.logLevel;
      if (level !== ExtractorLogLevel.Warning && level !== ExtractorLogLevel.Error) return;
      // api-extractor's own "report changed" lines; we say it once below, with what to do.
      if (message.messageId.startsWith("console-api-report")) return;
      const where = message.sourceFilePath
        ? ` (${relative(REPO_ROOT, message.sourceFilePath)}:${message.sourceFileLine})`
        : "";
      console.log(`  ${level} ${message.messageId}: ${message.text}${where}`);
    },
  });
  return { changed: result.apiReportChanged, errors: result.errorCount };
}

/** Prints how the fresh report differs from the committed one (the first 80 lines of the diff). */
function showDiff(id) {
  const committed = relative(REPO_ROOT, join(REPORT_DIR, `${id}.api.md`));
  const fresh = relative(REPO_ROOT, join(TEMP_DIR, `${id}.api.md`));
  const diff = spawnSync(
    "git",
    [
      "diff",
      "--no-index",
      "--no-color",
      "--",
      existsSync(join(REPO_ROOT, committed)) ? committed : "/dev/null",
      fresh,
    ],
    { cwd: REPO_ROOT, encoding: "utf8" },
  );
  const lines = diff.stdout.split("\n");
  console.log(
    lines.slice(0, 80).join("\n") +
      (lines.length > 80 ? `\n  … ${lines.length - 80} more lines` : ""),
  );
}

const entries = listEntryPoints();
for (const entry of entries) {
  if (!existsSync(entry.types))
    throw new Error(
      `Expected ${relative(REPO_ROOT, entry.types)} for ${entry.importPath}: run \`npm run build\` first`,
    );
}
mkdirSync(REPORT_DIR, { recursive: true });
const started = Date.now();
const configs = entries.map(prepare);
// One TypeScript program for all entry points: building one per entry point took most of the time.
const compilerState = CompilerState.create(configs[0], {
  additionalEntryPoints: entries.map((entry) => entry.types),
});
const stale = [];
let errors = 0;
entries.forEach((entry, index) => {
  console.log(`api: ${entry.importPath} → api/${entry.id}.api.md`);
  const result = extract(configs[index], compilerState);
  errors += result.errors;
  if (result.changed) stale.push(entry);
});

// A report whose entry point is gone (a removed subpath or package) is stale too.
const expected = new Set(entries.map((entry) => `${entry.id}.api.md`));
const orphans = readdirSync(REPORT_DIR).filter(
  (file) => file.endsWith(".api.md") && !expected.has(file),
);
if (!check) for (const file of orphans) rmSync(join(REPORT_DIR, file));

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (errors > 0) {
  console.error(
    `api: ${errors} error(s) from api-extractor (above): fix them, then run \`npm run api\` again`,
  );
  process.exit(1);
}
if (!check) {
  const note = stale.length
    ? `updated ${stale.map((e) => `api/${e.id}.api.md`).join(", ")}`
    : "no report changed";
  console.log(
    `api: ${entries.length} reports in ${seconds}s, ${note}${orphans.length ? `; removed ${orphans.join(", ")}` : ""}`,
  );
  process.exit(0);
}
if (stale.length === 0 && orphans.length === 0) {
  console.log(`api: ${entries.length} reports are current (${seconds}s)`);
  process.exit(0);
}
for (const entry of stale) {
  console.error(
    `\napi: api/${entry.id}.api.md is out of date: the public API of ${entry.importPath} changed.`,
  );
  showDiff(entry.id);
}
for (const file of orphans)
  console.error(`\napi: api/${file} reports an entry point that no package exports any more.`);
console.error(
  "\napi: the public API differs from the committed reports. If the change is on purpose, run" +
    " `npm run api` (a fresh build, then the reports and the reference) and commit api/ and docs/api/; if not, undo the change in src/.",
);
process.exit(1);
