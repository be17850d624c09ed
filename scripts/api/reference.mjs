#!/usr/bin/env node
// `npm run docs:api`: writes the API reference (docs/api/, markdown, one page per public entry
// point) from the JSDoc of the built declarations, with TypeDoc and typedoc-plugin-markdown.
// `npm run docs:api:check` (CI): writes nothing under docs/ and fails when docs/api/ differs from
// what the current build gives. Both read dist/*.d.ts: run `npm run build` first.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { Application, Converter, LogLevel, ReflectionKind } from "typedoc";
import { DECLARATION_COMPILER_OPTIONS, listEntryPoints, REPO_ROOT } from "./entry-points.mjs";

const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
const DOCS_DIR = join(REPO_ROOT, "docs", "api");
// TypeDoc always writes here first: the check compares it with docs/api/, the update copies it.
const OUT_DIR = join(REPO_ROOT, ".cache", "api", "reference");
const TSCONFIG = join(REPO_ROOT, ".cache", "api", "tsconfig.typedoc.json");

const entries = listEntryPoints();
for (const entry of entries) {
  if (!existsSync(entry.types))
    throw new Error(
      `Expected ${relative(REPO_ROOT, entry.types)} for ${entry.importPath}: run \`npm run build\` first`,
    );
}
mkdirSync(join(REPO_ROOT, ".cache", "api"), { recursive: true });
writeFileSync(
  TSCONFIG,
  JSON.stringify({
    compilerOptions: DECLARATION_COMPILER_OPTIONS,
    files: entries.map((e) => e.types),
  }),
);

const app = await Application.bootstrapWithPlugins({
  entryPoints: entries.map((entry) => entry.types),
  tsconfig: TSCONFIG,
  plugin: ["typedoc-plugin-markdown"],
  out: OUT_DIR,
  readme: "none",
  name: "deliberate API reference",
  // One page per entry point keeps the committed folder small and its diffs readable.
  outputFileStrategy: "modules",
  entryFileName: "README.md",
  excludeScopesInPaths: true, // core.md, core.tree.md: no @deliberate/ folder
  flattenOutputFiles: true,
  hidePageHeader: true,
  hideBreadcrumbs: true,
  // Tables: a property or parameter per row instead of a heading each, a third of the lines.
  parametersFormat: "table",
  interfacePropertiesFormat: "table",
  classPropertiesFormat: "table",
  typeDeclarationFormat: "table",
  enumMembersFormat: "table",
  // Source links would name dist/ lines and change with every edit above a declaration.
  disableSources: true,
  excludePrivate: true,
  excludeInternal: true,
  excludeExternals: true, // no inherited Error.stack, Error.captureStackTrace … on every error class
  skipErrorChecking: true, // `npm run build` type-checked these declarations already
  // A link to nothing fails the run; leaked types are api-extractor's ae-forgotten-export, so
  // TypeDoc's own notExported warning would only repeat it.
  validation: { invalidLink: true, rewrittenLink: true, notExported: false, notDocumented: false },
  treatValidationWarningsAsErrors: true,
  logLevel: LogLevel.Warn,
});

// TypeDoc names a module after its path (`packages/core/dist`); a reader imports a package name.
const importPathOf = new Map(entries.map((entry) => [entry.types, entry.importPath]));
app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
  if (!reflection.kindOf(ReflectionKind.Module)) return;
  const file = context
    .getSymbolFromReflection(reflection)
    ?.declarations?.[0]?.getSourceFile().fileName;
  const importPath = file && importPathOf.get(file);
  if (importPath) reflection.name = importPath;
});

const project = await app.convert();
if (project === undefined || app.logger.hasErrors()) {
  console.error("docs:api: TypeDoc failed (above)");
  process.exit(1);
}
app.validate(project); // what the typedoc CLI does: the `validation` checks run here, not in convert
if (
  app.logger.hasErrors() ||
  (app.logger.hasWarnings() && app.options.getValue("treatValidationWarningsAsErrors"))
) {
  console.error("docs:api: a {@link} above points at nothing: fix it in the JSDoc under src/");
  process.exit(1);
}
rmSync(OUT_DIR, { recursive: true, force: true });
await app.generateOutputs(project);
if (app.logger.hasErrors()) {
  console.error("docs:api: TypeDoc failed to write the reference (above)");
  process.exit(1);
}

/** Every file under `dir`, relative to it, sorted; empty when `dir` is missing. */
function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((item) => item.isFile())
    .map((item) => relative(dir, join(item.parentPath, item.name)))
    .sort();
}

const fresh = listFiles(OUT_DIR);
if (!values.check) {
  rmSync(DOCS_DIR, { recursive: true, force: true });
  cpSync(OUT_DIR, DOCS_DIR, { recursive: true });
  console.log(`docs:api: wrote ${fresh.length} pages to ${relative(REPO_ROOT, DOCS_DIR)}/`);
  process.exit(0);
}
const committed = listFiles(DOCS_DIR);
const differing = [...new Set([...fresh, ...committed])].filter((file) => {
  const a = join(OUT_DIR, file);
  const b = join(DOCS_DIR, file);
  return !existsSync(a) || !existsSync(b) || readFileSync(a, "utf8") !== readFileSync(b, "utf8");
});
if (differing.length === 0) {
  console.log(`docs:api: ${fresh.length} pages in docs/api/ are current`);
  process.exit(0);
}
console.error(
  `docs:api: docs/api/ is out of date (${differing.map((f) => `docs/api/${f}`).join(", ")}): the JSDoc or the` +
    " public API changed. Run `npm run api` (a fresh build, then the reports and the reference) and commit api/ and docs/api/.",
);
process.exit(1);
