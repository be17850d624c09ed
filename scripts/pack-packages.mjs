#!/usr/bin/env node
// `npm run pack`: packs every public workspace package into one folder (default .packs/), the
// tarballs a user outside the repository installs while the @deliberate scope is unpublished.
// Each package's `prepack` builds it; the tarballs are then checked for what a user needs.
//
//   node scripts/pack-packages.mjs [--out <dir>] [--clean (rebuild dist/ from nothing)]
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkPackedFiles } from "./lib/check-packed-files.mjs";
import { listPublicPackages, REPO_ROOT } from "./lib/public-packages.mjs";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: ".packs" },
    clean: { type: "boolean", default: false },
  },
});
const outDir = resolve(REPO_ROOT, values.out);

function fail(message) {
  console.error(`pack: ${message}`);
  process.exit(1);
}

const packages = listPublicPackages();
if (packages.length === 0) fail("Expected public packages under the root workspaces, found none");

// The committed per-package LICENSE copies must not drift from the root one.
const license = readFileSync(join(REPO_ROOT, "LICENSE"), "utf8");
for (const { dir } of packages) {
  let copy;
  try {
    copy = readFileSync(join(REPO_ROOT, dir, "LICENSE"), "utf8");
  } catch {
    copy = undefined;
  }
  if (copy !== license)
    fail(`${dir}/LICENSE differs from the root LICENSE: cp LICENSE ${dir}/LICENSE`);
}

// Old tarballs of other versions would otherwise be installed beside the new ones.
mkdirSync(outDir, { recursive: true });
for (const file of readdirSync(outDir)) if (file.endsWith(".tgz")) rmSync(join(outDir, file));

// tsc -b never deletes the output of a source file that is gone: --clean starts from empty dist/
// folders, and --force keeps turbo from restoring a cached dist/ that may hold such leftovers.
if (values.clean)
  for (const { dir } of packages)
    rmSync(join(REPO_ROOT, dir, "dist"), { recursive: true, force: true });

// Build everything first with its output on the terminal: under --json, npm pack keeps the build
// output of each `prepack` on stdout, mixed into the JSON, so that one then has nothing to do.
const build = spawnSync("npm", ["run", "build", ...(values.clean ? ["--", "--force"] : [])], {
  cwd: REPO_ROOT,
  stdio: ["ignore", 2, "inherit"],
});
if (build.status !== 0)
  fail(`npm run build exited with ${build.status}: fix the build errors above`);

const args = ["pack", "--json", "--pack-destination", outDir];
for (const { dir } of packages) args.push("--workspace", dir);
const packed = spawnSync("npm", args, {
  cwd: REPO_ROOT,
  encoding: "utf8",
  // prepack's build output goes to stderr under --json; keep stdout for the JSON.
  stdio: ["ignore", "pipe", "inherit"],
  maxBuffer: 64 * 1024 * 1024,
});
if (packed.status !== 0) {
  process.stderr.write(packed.stdout);
  fail(`npm ${args.join(" ")} exited with ${packed.status}: see its output above`);
}

const results = JSON.parse(packed.stdout);
let problems = 0;
for (const result of results) {
  const { manifest } = packages.find((candidate) => candidate.manifest.name === result.name);
  for (const problem of checkPackedFiles(
    manifest,
    result.files.map((file) => file.path),
  )) {
    console.error(`pack: ${result.name}: ${problem}`);
    problems += 1;
  }
}
if (problems > 0) fail(`${problems} problem(s) in the tarballs above`);

// Repository-relative when inside it (.packs/…), absolute elsewhere.
const names = results.map((result) => {
  const path = join(outDir, result.filename);
  return relative(REPO_ROOT, path).startsWith("..") ? path : relative(REPO_ROOT, path);
});
const width = Math.max(...names.map((name) => name.length));
for (const [index, result] of results.entries()) {
  const size = `${Math.round(result.size / 1024)} kB`.padStart(8);
  console.log(`${names[index].padEnd(width)}  ${size}  ${result.entryCount} files`);
}
