/** Writes one log record. */
export type LogWriter = (record: Readonly<Record<string, unknown>>) => void;

/**
 * Structured logs: one JSON object a line, with the time first, on `stream` (stderr), so a log
 * shipper parses them without rules. A record never holds the API key or the question's text.
 */
export function createLogWriter(
  stream: { write(text: string): unknown } = process.stderr,
): LogWriter {
  return (record) => {
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);
  };
}
