/** What the terminal the CLI writes to can do. */
export interface Terminal {
  /** stderr is an interactive terminal: the live status line and progress bars may redraw it. */
  readonly interactive: boolean;
  /** ANSI colours are welcome (a terminal, and `NO_COLOR` unset). */
  readonly color: boolean;
  /** Columns of stderr, for fitting the status line. */
  readonly columns: number;
}

/**
 * Describes the terminal from the process's streams and environment: plain output when stderr is
 * not a TTY, `TERM=dumb`, or `NO_COLOR` is set (https://no-color.org).
 */
export function describeTerminal(
  stream: NodeJS.WriteStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): Terminal {
  const tty = stream.isTTY === true && env.TERM !== "dumb";
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  return {
    interactive: tty && !noColor,
    color: tty && !noColor,
    columns: stream.columns ?? 80,
  };
}

/** Whole ANSI escape sequences (CSI, OSC, 8-bit CSI), removed first so no parameter bytes are left as litter. */
const ESCAPES =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are what is matched
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]/g;

/**
 * C0 and C1 control characters, DEL and the bidirectional overrides: a model's text could carry an
 * escape sequence that repaints the terminal or an override that reverses what a reader sees.
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is matched
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes terminal control sequences from model text before it is printed; newlines and tabs stay. */
export function stripControl(text: string): string {
  return text.replace(ESCAPES, "").replace(UNSAFE, "");
}

/** Model text as one safe line: control sequences removed, whitespace collapsed, cut to `max`. */
export function toSafeLine(text: string, max = Number.POSITIVE_INFINITY): string {
  const line = stripControl(text).replace(/\s+/g, " ").trim();
  return line.length <= max
    ? line
    : `${Array.from(line)
        .slice(0, max - 1)
        .join("")}…`;
}
