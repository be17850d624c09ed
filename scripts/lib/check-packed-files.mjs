/** Files every tarball must carry besides package.json: what a user reads and may redistribute. */
const REQUIRED = ["README.md", "LICENSE", "CHANGELOG.md"];

/** Every path an `exports` map or `bin` points at, without the leading `./`. */
function listTargets(manifest) {
  const targets = [];
  const walk = (value) => {
    if (typeof value === "string") targets.push(value.replace(/^\.\//, ""));
    else if (value !== null && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  walk(manifest.bin);
  if (typeof manifest.main === "string") walk(manifest.main);
  return targets;
}

/**
 * What is wrong with a packed file list (`npm pack --json`'s `files[].path`), as sentences that
 * say what to do: a missing README/LICENSE/CHANGELOG, an export or bin pointing at a file the
 * tarball lacks, a build output left over from a source file that is gone (a stale `dist/`), a
 * source file never built, or a build-cache file.
 */
export function checkPackedFiles(manifest, paths) {
  const files = new Set(paths);
  const problems = [];
  for (const file of REQUIRED)
    if (!files.has(file)) problems.push(`${file} is missing: add it to the package and to "files"`);
  for (const target of listTargets(manifest))
    if (!files.has(target))
      problems.push(
        `"${target}" (named by exports, bin or main) is not in the tarball: build first, or fix "files"`,
      );
  for (const file of files) {
    if (file.endsWith(".tsbuildinfo"))
      problems.push(`${file} is a build cache: keep it out of "files"`);
    const built = /^dist\/(.+)\.js$/.exec(file);
    if (built && !files.has(`src/${built[1]}.ts`))
      problems.push(
        `${file} has no src/${built[1]}.ts: a stale build output; remove dist/ and pack again`,
      );
    const source = /^src\/(.+)\.ts$/.exec(file);
    if (source && !source[1].endsWith(".d") && !files.has(`dist/${source[1]}.js`))
      problems.push(
        `${file} was never built to dist/${source[1]}.js: run npm run build and pack again`,
      );
  }
  return problems;
}
