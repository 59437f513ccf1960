import { CommanderError } from "commander";
import { resolveConnection } from "./connection.js";
import { EXIT, type ExitCode } from "./failures.js";
import { type CliIo, processIo } from "./io.js";
import { buildProgram } from "./program.js";
import { reportFailure } from "./report-failure.js";
import type { GlobalOptions } from "./session.js";

/**
 * Runs `dropgate` with `argv` (as process.argv: node, script, then the arguments) and answers its
 * exit code; everything it prints goes to `io` (the process by default, a test's buffers in tests).
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv]);
    return EXIT.ok;
  } catch (error) {
    // --help and --version end parsing by throwing too; they are successes.
    if (error instanceof CommanderError && (error.code === "commander.helpDisplayed" || error.code === "commander.version")) return EXIT.ok;
    const options = program.opts<GlobalOptions>();
    const json = options.json === true || argv.includes("--json");
    return reportFailure(error, { json, url: resolveConnection(options, io.env).url, stderr: io.stderr });
  }
}
