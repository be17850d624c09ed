// The public entry points whose API is reported (api-extractor) and documented (TypeDoc), read
// from each package's `exports` so that a new subpath needs no new config: add it to `exports`,
// build, and `npm run api` reports it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: scripts/api/../.. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Where the committed API reports live, one `<name>.api.md` per entry point. */
export const REPORT_DIR = join(REPO_ROOT, "api");

// Subpaths that exist for our own tests (scripted and random models, Chromium flags, sample trees):
// they are exported so tests across packages can share them, not so apps build on them, and they
// change with the tests. Kept out of the reports and the reference so they stay free to change.
const TEST_HELPER_SUBPATH = /^\.\/testing(\/|$)/;

/** Package folders under the root `workspaces` globs (`dir/*` or a plain folder), sorted. */
function listWorkspaceDirs() {
  const { workspaces } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));
  return workspaces
    .flatMap((entry) => {
      if (!entry.endsWith("/*")) return [entry];
      const parent = entry.slice(0, -2);
      return readdirSync(join(REPO_ROOT, parent), { withFileTypes: true })
        .filter((child) => child.isDirectory())
        .map((child) => `${parent}/${child.name}`);
    })
    .sort();
}

/** The `types` target of one `exports` value, or undefined when it names no declaration file. */
function typesOf(target) {
  if (typeof target === "string") return target.endsWith(".d.ts") ? target : undefined;
  if (target === null || typeof target !== "object") return undefined;
  return target.types ?? Object.values(target).map(typesOf).find(Boolean);
}

/**
 * Every public entry point: `{ packageName, dir, subpath, importPath, types, id }` for each
 * `exports` entry of each non-private workspace package, test helpers left out. `importPath` is
 * what an app imports (`@deliberate/core/tree`); `types` is the built declaration file
 * (absolute); `id` names the report: `core` for `@deliberate/core`, `core.tree` for
 * `@deliberate/core/tree`.
 */
export function listEntryPoints() {
  const entries = [];
  for (const dir of listWorkspaceDirs()) {
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(REPO_ROOT, dir, "package.json"), "utf8"));
    } catch {
      continue; // a folder without a package.json is no package
    }
    if (manifest.private === true || manifest.exports === undefined) continue;
    const exportsMap =
      typeof manifest.exports === "string" || !Object.keys(manifest.exports)[0]?.startsWith(".")
        ? { ".": manifest.exports }
        : manifest.exports;
    for (const [subpath, target] of Object.entries(exportsMap)) {
      if (subpath === "./package.json" || TEST_HELPER_SUBPATH.test(subpath)) continue;
      const types = typesOf(target);
      if (types === undefined) {
        throw new Error(
          `Expected "${manifest.name}" exports["${subpath}"] to have a "types" condition naming a .d.ts, got ${JSON.stringify(target)}`,
        );
      }
      const unscoped = manifest.name.replace(/^@[^/]+\//, "");
      const suffix = subpath === "." ? "" : `.${subpath.slice(2).replaceAll("/", ".")}`;
      entries.push({
        packageName: manifest.name,
        dir,
        subpath,
        importPath: `${manifest.name}${subpath.slice(1)}`,
        types: join(REPO_ROOT, dir, types),
        id: `${unscoped}${suffix}`,
      });
    }
  }
  return entries;
}

/**
 * How both tools compile the built declarations: as an app's NodeNext build sees the packages, so
 * an import of another of our packages resolves to its built .d.ts, not to src/ through the
 * `@deliberate/source` condition that the repository's own tsconfig adds.
 */
export const DECLARATION_COMPILER_OPTIONS = {
  module: "nodenext",
  moduleResolution: "nodenext",
  target: "es2023",
  lib: ["es2023"],
  strict: true,
  skipLibCheck: true,
  types: ["node"],
};
