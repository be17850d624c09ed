import { spawn } from "node:child_process";

/** A failed step of the install check: its message says what broke and what to do. */
export class CheckError extends Error {
  name = "CheckError";
}

/** The last `count` lines of `text`, for an error message that stays readable. */
export function tail(text, count = 40) {
  const lines = String(text ?? "")
    .trimEnd()
    .split("\n");
  return lines.slice(-count).join("\n");
}

/**
 * Runs a command to completion and resolves `{ status, stdout, stderr }` (captured), or, with
 * `inherit: true`, prints its output as it comes. `expect` lists the exit codes that count as
 * success (default `[0]`); any other, a signal or a timeout rejects with a {@link CheckError}
 * that names the command, `what` it was for and the end of its output. Asynchronous, so a server
 * in this process (the stand-in registry) keeps answering while the command runs.
 */
export function runCommand(
  command,
  args,
  { cwd, env, timeoutMs, inherit = false, expect = [0], what },
) {
  const shown = `${command} ${args.map((arg) => (/\s/.test(arg) ? JSON.stringify(arg) : arg)).join(" ")}`;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: inherit ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new CheckError(`${what}: \`${shown}\` could not start: ${error.message}`));
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      if (timedOut)
        return reject(
          new CheckError(`${what}: \`${shown}\` did not finish within ${timeoutMs / 1000} s`),
        );
      if (expect.includes(status)) return resolve({ status, stdout, stderr });
      const output = inherit ? "(its output is above)" : tail(`${stdout}\n${stderr}`);
      reject(
        new CheckError(
          `${what}: \`${shown}\` exited with ${status ?? signal}, expected ${expect.join(" or ")}\n${output}`,
        ),
      );
    });
  });
}
