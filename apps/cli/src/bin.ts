#!/usr/bin/env node
import { runCli } from "./program.js";

// The exit code is set rather than forced, so stdout drains into a pipe before the process ends.
runCli(process.argv).then((code) => {
  process.exitCode = code;
});
