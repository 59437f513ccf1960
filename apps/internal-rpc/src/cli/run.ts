import { CommanderError } from "commander";
import { resolveConnection } from "./connection.js";
import { EXIT, type ExitCode } from "./failures.js";
import { buildProgram } from "./program.js";
import { reportFailure } from "./report-failure.js";
import type { GlobalOptions } from "./session.js";

/** Runs `dropgate` with `argv` (as process.argv) and answers its exit code. */
export async function runCli(argv: readonly string[]): Promise<ExitCode> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return EXIT.ok;
  } catch (error) {
    // --help and --version end parsing by throwing too; they are successes.
    if (error instanceof CommanderError && (error.code === "commander.helpDisplayed" || error.code === "commander.version")) return EXIT.ok;
    const options = program.opts<GlobalOptions>();
    const json = options.json === true || argv.includes("--json");
    return reportFailure(error, { json, url: resolveConnection(options).url });
  }
}
