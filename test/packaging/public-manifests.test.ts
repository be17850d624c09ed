import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// What makes a package installable from its tarball, checked without packing or the network;
// scripts/check-install.mjs (run by .ci/run) packs and installs them for real.

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly files?: readonly string[];
  readonly scripts?: Readonly<Record<string, string>>;
  readonly bin?: Readonly<Record<string, string>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const readText = (path: string): string => readFileSync(join(ROOT, path), "utf8");

function listWorkspaces(): { dir: string; manifest: Manifest }[] {
  const { workspaces } = JSON.parse(readText("package.json")) as { workspaces: string[] };
  const dirs = workspaces.flatMap((entry) =>
    entry.endsWith("/*")
      ? readdirSync(join(ROOT, entry.slice(0, -2))).map((name) => `${entry.slice(0, -2)}/${name}`)
      : [entry],
  );
  return dirs
    .filter((dir) => existsSync(join(ROOT, dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(readText(`${dir}/package.json`)) as Manifest }));
}

/** `version` satisfies the caret range `range` (`^0.1.0` takes 0.1.x, `^1.2.0` takes 1.x ≥ 1.2). */
function satisfiesCaret(version: string, range: string): boolean {
  const match = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (match === null) return false;
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  const [vMajor, vMinor, vPatch] = version.split(".").map(Number) as [number, number, number];
  if (vMajor !== major) return false;
  if (major === 0) return vMinor === minor && vPatch >= patch;
  return vMinor > minor || (vMinor === minor && vPatch >= patch);
}

const workspaces = listWorkspaces();
const publicPackages = workspaces.filter(({ manifest }) => manifest.private !== true);
const versions = new Map(workspaces.map(({ manifest }) => [manifest.name, manifest.version]));

describe("public package manifests", () => {
  it("are the packages under packages/ and apps/cli", () => {
    const dirs = publicPackages.map(({ dir }) => dir);
    expect(dirs).toContain("packages/core");
    expect(dirs).toContain("apps/cli");
    expect(dirs.every((dir) => dir.startsWith("packages/") || dir === "apps/cli")).toBe(true);
  });

  it.each(publicPackages)("$dir packs its build, README, LICENSE and CHANGELOG", ({ manifest }) => {
    expect(manifest.files).toEqual(
      expect.arrayContaining([
        "dist",
        "!dist/.tsbuildinfo",
        "README.md",
        "LICENSE",
        "CHANGELOG.md",
      ]),
    );
    expect(new Set(manifest.files).size, "an entry of files twice").toBe(manifest.files?.length);
    expect(manifest.scripts?.prepack).toBe("npm run build");
  });

  it.each(publicPackages)(
    "$dir names its @deliberate dependencies by a range its version meets",
    ({ manifest }) => {
      const internal = Object.entries({
        ...manifest.dependencies,
        ...manifest.devDependencies,
      }).filter(([name]) => name.startsWith("@deliberate/"));
      for (const [name, range] of internal)
        expect(satisfiesCaret(versions.get(name) ?? "", range), `${name}: ${range}`).toBe(true);
    },
  );

  it.each(publicPackages)(
    "$dir carries the root LICENSE and a CHANGELOG entry of its version",
    ({ dir, manifest }) => {
      expect(readText(`${dir}/LICENSE`)).toBe(readText("LICENSE"));
      expect(readText(`${dir}/CHANGELOG.md`)).toMatch(
        new RegExp(`^## ${manifest.version.replaceAll(".", "\\.")}$`, "m"),
      );
      expect(readText(`${dir}/README.md`)).toMatch(/^## Install$/m);
    },
  );

  it("names the tarballs of the current version in the READMEs", () => {
    const readmes = ["README.md", ...publicPackages.map(({ dir }) => `${dir}/README.md`)];
    const version = publicPackages[0]?.manifest.version;
    for (const readme of readmes)
      for (const [name, named] of readText(readme).matchAll(
        /deliberate-[a-z-]+?-(\d+\.\d+\.\d+)\.tgz/g,
      ))
        expect(named, `${readme}: ${name}`).toBe(version);
  });

  it("gives the deliberate bin a node shebang", () => {
    const cli = publicPackages.find(({ manifest }) => manifest.bin?.deliberate !== undefined);
    expect(cli?.manifest.bin?.deliberate).toBe("./dist/bin.js");
    expect(readText(`${cli?.dir}/src/bin.ts`).split("\n", 1)[0]).toBe("#!/usr/bin/env node");
  });

  it("versions the public packages together and ignores the private ones in changesets", () => {
    const config = JSON.parse(readText(".changeset/config.json")) as {
      fixed: string[][];
      ignore: string[];
    };
    expect([...(config.fixed[0] ?? [])].sort()).toEqual(
      publicPackages.map(({ manifest }) => manifest.name).sort(),
    );
    const privateNames = workspaces
      .filter(({ manifest }) => manifest.private === true)
      .map(({ manifest }) => manifest.name);
    expect([...config.ignore].sort()).toEqual(privateNames.sort());
    expect(new Set(publicPackages.map(({ manifest }) => manifest.version)).size).toBe(1);
  });
});
