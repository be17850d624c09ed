#!/usr/bin/env node
// `npm run build:fresh`: builds every package from empty dist/ folders, as CI's clean clone does.
// An incremental `tsc -b` checks files in another order and then prints some inferred types (the
// members of a union, the keys of a zod enum) in another order too: the API reports and reference
// must come from a build like CI's, or CI sees a change that is none.
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./lib/public-packages.mjs";

for (const parent of ["packages", "apps"]) {
  for (const child of readdirSync(join(REPO_ROOT, parent), { withFileTypes: true })) {
    if (child.isDirectory())
      rmSync(join(REPO_ROOT, parent, child.name, "dist"), { recursive: true, force: true });
  }
}
// --force: turbo must not restore a cached dist/ made by an incremental build.
const build = spawnSync("npm", ["run", "build", "--", "--force"], {
  cwd: REPO_ROOT,
  stdio: "inherit",
});
process.exit(build.status ?? 1);
