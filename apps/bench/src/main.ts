/**
 * `npm run bench -- <name> [--json] [...]`: runs one benchmark. Each benchmark is a module in
 * `commands/` whose `run(args)` prints its figures (as JSON with `--json`).
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

function listBenchmarks(): string[] {
  return readdirSync(join(here, "commands"))
    .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith(".d.ts"))
    .map((file) => file.replace(/\.(ts|js)$/, ""))
    .sort();
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const names = listBenchmarks();
  if (!name || name === "--help" || name === "-h") {
    console.log(`usage: npm run bench -- <${names.join(" | ")}> [--json] [options]`);
    return name ? 0 : 2;
  }
  if (!names.includes(name)) {
    console.error(`Unknown benchmark "${name}". Expected one of: ${names.join(", ")}.`);
    return 2;
  }
  const module = (await import(`./commands/${name}.js`)) as {
    run(args: readonly string[]): Promise<void>;
  };
  await module.run(rest);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    // A benchmark marks a mistake in its command line with `exitCode: 2`.
    const code = (error as { exitCode?: unknown } | undefined)?.exitCode;
    process.exitCode = typeof code === "number" ? code : 1;
  },
);
