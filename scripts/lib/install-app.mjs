import { accessSync, constants, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startEmptyRegistry } from "./empty-registry.mjs";
import { REPO_ROOT } from "./public-packages.mjs";
import { CheckError, runCommand } from "./run-command.mjs";

/** The exact version a workspace manifest pins `name` at, for the app's third-party tools. */
function readPin(manifestPath, field, name) {
  const pin = JSON.parse(readFileSync(join(REPO_ROOT, manifestPath), "utf8"))[field]?.[name];
  if (typeof pin !== "string")
    throw new CheckError(`Expected ${manifestPath} to pin ${name} in ${field}`);
  return `${name}@${pin}`;
}

/**
 * Writes a fresh app in `appDir` and installs the tarballs into it together with what a user's
 * TypeScript app has beside them: typescript, @types/node, and @langchain/openai for the LangChain
 * README's example — third-party packages from the registry (the npm cache first), at the
 * repository's own pins. The @deliberate scope points at a stand-in registry that has nothing, so
 * the project's own packages can come from the tarballs and nowhere else.
 */
export async function installTarballs(appDir, tarballs) {
  writeFileSync(
    join(appDir, "package.json"),
    `${JSON.stringify({ name: "deliberate-install-check", private: true, type: "module" }, null, 2)}\n`,
  );
  const tools = [
    readPin("package.json", "devDependencies", "typescript"),
    readPin("package.json", "devDependencies", "@types/node"),
    readPin("packages/langchain/package.json", "devDependencies", "@langchain/openai"),
  ];
  const registry = await startEmptyRegistry();
  try {
    await runCommand(
      "npm",
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--prefer-offline",
        `--@deliberate:registry=${registry.url}`,
        ...tarballs,
        ...tools,
      ],
      {
        cwd: appDir,
        inherit: true,
        timeoutMs: 300_000,
        what: "Installing the tarballs into a fresh app",
      },
    );
  } finally {
    await registry.close();
  }
  return registry.requests;
}

/**
 * Checks that every public package came from its tarball (a `file:` resolution at the top of
 * node_modules, at the packed version) and that no second copy of one was installed beneath
 * another — which would mean an internal version range the packed versions do not satisfy.
 */
export function verifyInstalled(appDir, packages) {
  const lock = JSON.parse(readFileSync(join(appDir, "package-lock.json"), "utf8"));
  for (const { manifest } of packages) {
    const entry = lock.packages[`node_modules/${manifest.name}`];
    if (entry === undefined)
      throw new CheckError(`Expected ${manifest.name} in the app's node_modules, got none`);
    if (!String(entry.resolved).startsWith("file:") || entry.version !== manifest.version)
      throw new CheckError(
        `Expected ${manifest.name}@${manifest.version} from its tarball, got ${entry.version} from ${entry.resolved}`,
      );
  }
  const nested = Object.keys(lock.packages).filter((key) =>
    /node_modules\/.+\/node_modules\/@deliberate\//.test(key),
  );
  if (nested.length > 0)
    throw new CheckError(
      `Expected one copy of each @deliberate package, got nested copies at ${nested.join(", ")}: an internal dependency range does not match the packed versions`,
    );
}

/** Checks the installed `deliberate` bin: linked, a `node` shebang, executable. */
export function verifyBin(appDir) {
  const link = join(appDir, "node_modules", ".bin", "deliberate");
  let target;
  try {
    target = realpathSync(link);
  } catch {
    throw new CheckError(
      `Expected the deliberate command at ${link}, got nothing: check "bin" in apps/cli/package.json`,
    );
  }
  const firstLine = readFileSync(target, "utf8").split("\n", 1)[0];
  if (firstLine !== "#!/usr/bin/env node")
    throw new CheckError(
      `Expected ${target} to start with "#!/usr/bin/env node", got ${JSON.stringify(firstLine)}`,
    );
  try {
    accessSync(target, constants.X_OK);
  } catch {
    throw new CheckError(`Expected ${target} to be executable after install, it is not`);
  }
  return target;
}
