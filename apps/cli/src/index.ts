export { CliError, createUsageError, ExitCode } from "./cli-error.js";
export { DEFAULT_MODEL } from "./model/default-model.js";
export { createProgram, runCli } from "./program.js";
