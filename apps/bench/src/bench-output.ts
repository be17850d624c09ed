/** Reads `--json` and `--name value` flags over the given defaults. Unknown flags are an error. */
export function parseBenchArgs<T extends Record<string, string>>(
  args: readonly string[],
  defaults: T,
): T & { json: boolean } {
  const options: Record<string, string | boolean> = { ...defaults, json: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === "--json") {
      options.json = true;
      continue;
    }
    const name = arg.replace(/^--/, "");
    if (!arg.startsWith("--") || !(name in defaults)) {
      const known = ["--json", ...Object.keys(defaults).map((key) => `--${key}`)];
      throw new Error(`Unknown argument "${arg}". Expected one of: ${known.join(", ")}.`);
    }
    const value = args[i + 1];
    if (value === undefined) throw new Error(`Expected a value after ${arg}.`);
    options[name] = value;
    i += 1;
  }
  return options as T & { json: boolean };
}

/** Prints rows as an aligned table with a title. */
export function printTable(title: string, rows: readonly Record<string, string | number>[]): void {
  console.log(title);
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const width = (column: string) =>
    rows.reduce((most, row) => Math.max(most, String(row[column]).length), column.length);
  const line = (cells: string[]) =>
    cells.map((cell, i) => cell.padStart(width(columns[i] as string))).join("  ");
  console.log(line(columns));
  for (const row of rows) console.log(line(columns.map((column) => String(row[column]))));
}
