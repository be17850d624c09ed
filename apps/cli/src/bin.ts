#!/usr/bin/env node
import { runCli } from "./program.js";

// A reader that went away (`deliberate view tree.json | head`) is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

// The exit code is set rather than forced, so stdout drains into a pipe before the process ends.
runCli(process.argv).then((code) => {
  process.exitCode = code;
});
