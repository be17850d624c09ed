import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The install-script policy of the repository (README, "Install scripts"): npm 11 reads
// package.json#allowScripts at the root; every dependency the lockfile marks as having an install
// script must be reviewed there, so `npm ci` runs none unreviewed and prints no notice.

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(ROOT, path), "utf8")) as Record<string, unknown>;

describe("the install-script policy", () => {
  const manifest = readJson("package.json") as { allowScripts?: Record<string, boolean> };
  const lock = readJson("package-lock.json") as {
    packages: Record<string, { hasInstallScript?: boolean }>;
  };
  const withScripts = Object.entries(lock.packages)
    .filter(([path, entry]) => entry.hasInstallScript && path.includes("node_modules/"))
    .map(([path]) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length));

  it("reviews every dependency of the lockfile that has an install script", () => {
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(manifest.allowScripts, name).toHaveProperty([name]);
  });

  it("denies esbuild's and node-llama-cpp's: their binaries come from optional dependencies", () => {
    expect(manifest.allowScripts).toEqual({ esbuild: false, "node-llama-cpp": false });
    const optional = Object.keys(lock.packages).filter((path) =>
      /node_modules\/@(esbuild|node-llama-cpp)\/linux-x64$/.test(path),
    );
    expect(optional).toHaveLength(2);
  });
});
