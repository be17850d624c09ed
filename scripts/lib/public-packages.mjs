import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: scripts/lib/../.. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

/** Expands the root `workspaces` entries (`dir/*` or a plain folder) into folders, repo-relative. */
function listWorkspaceDirs() {
  const { workspaces } = readJson(join(REPO_ROOT, "package.json"));
  return workspaces.flatMap((entry) => {
    if (!entry.endsWith("/*")) return [entry];
    const parent = entry.slice(0, -2);
    return readdirSync(join(REPO_ROOT, parent), { withFileTypes: true })
      .filter((child) => child.isDirectory())
      .map((child) => `${parent}/${child.name}`)
      .sort();
  });
}

/**
 * Every workspace package that is not `private`: the ones that are packed, installed and, one day,
 * published. Each is `{ dir, path, manifest }` with `dir` relative to the repository root.
 */
export function listPublicPackages() {
  return listWorkspaceDirs()
    .filter((dir) => existsSync(join(REPO_ROOT, dir, "package.json")))
    .map((dir) => ({
      dir,
      path: join(REPO_ROOT, dir),
      manifest: readJson(join(REPO_ROOT, dir, "package.json")),
    }))
    .filter(({ manifest }) => manifest.private !== true);
}

/** The file name `npm pack` gives a package: `@deliberate/core@0.1.0` → `deliberate-core-0.1.0.tgz`. */
export function tarballName(manifest) {
  return `${manifest.name.replace(/^@/, "").replace("/", "-")}-${manifest.version}.tgz`;
}
