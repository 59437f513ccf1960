import { TRPCClientError } from "@trpc/client";
import { CommanderError } from "commander";
import type { AppRouter } from "../router.js";
import { EXIT, type ExitCode, FailedCheck, ImportStopped, UsageError } from "./failures.js";
import type { CliStream } from "./io.js";

/** What the CLI says about a failure, for people and for `--json`. */
interface Failure {
  readonly exitCode: ExitCode;
  readonly message: string;
  readonly lines: readonly string[];
  readonly json: Record<string, unknown>;
}

function fromServer(error: TRPCClientError<AppRouter>, url: string): Failure {
  const data = error.data;
  if (!data) {
    return {
      exitCode: EXIT.unavailable,
      message: `cannot reach the internal RPC at ${url}: ${error.message}`,
      lines: ["Is it running? Start it with `node apps/internal-rpc/dist/main.js` or the Quick start, or set DROPGATE_RPC_URL."],
      json: { error: "unavailable", message: error.message, url },
    };
  }
  const fieldErrors = Object.entries(data.zodError?.fieldErrors ?? {}).map(([field, messages]) => `${field}: ${(messages ?? []).join("; ")}`);
  const formErrors = data.zodError?.formErrors ?? [];
  const lines = [
    ...(data.domainCode ? [`domain code: ${data.domainCode}${data.field ? ` (field ${data.field})` : ""}`] : []),
    ...formErrors,
    ...fieldErrors,
  ];
  const exitCode =
    data.code === "UNAUTHORIZED" ? EXIT.unauthorized : data.code === "INTERNAL_SERVER_ERROR" ? EXIT.unavailable : EXIT.refused;
  if (exitCode === EXIT.unauthorized) {
    lines.push("Set DROPGATE_RPC_TOKEN (or --token) to the token the server printed, or DROPGATE_DB_PATH to find its token file.");
  }
  return {
    exitCode,
    // For invalid input tRPC's message is the raw issue list; the field lines say it better.
    message: data.zodError ? `invalid input to ${data.path ?? "the procedure"}` : error.message,
    lines,
    json: { error: data.code, message: error.message, domainCode: data.domainCode, field: data.field, details: data.details, zodError: data.zodError },
  };
}

/** Classifies any error thrown by a command into an exit code and messages. */
export function describeFailure(error: unknown, url: string): Failure {
  if (error instanceof ImportStopped) {
    const inner = describeFailure(error.cause, url);
    return { ...inner, lines: [...inner.lines, error.message], json: { ...inner.json, imported: error.imported } };
  }
  if (error instanceof TRPCClientError) return fromServer(error as TRPCClientError<AppRouter>, url);
  if (error instanceof UsageError) {
    return { exitCode: EXIT.usage, message: error.message, lines: error.problems, json: { error: "usage", message: error.message, problems: error.problems } };
  }
  if (error instanceof FailedCheck) {
    return { exitCode: EXIT.refused, message: error.message, lines: [], json: { error: "check_failed", message: error.message } };
  }
  if (error instanceof CommanderError) {
    // Commander has already printed its message.
    return { exitCode: EXIT.usage, message: "", lines: [], json: { error: "usage", message: error.message } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT.unavailable, message: `unexpected error: ${message}`, lines: [], json: { error: "unexpected", message } };
}

/** Prints a failure to stderr (JSON in `--json` mode) and answers the exit code. */
export function reportFailure(error: unknown, options: { json: boolean; url: string; stderr: CliStream }): ExitCode {
  const failure = describeFailure(error, options.url);
  if (options.json) {
    options.stderr.write(`${JSON.stringify(failure.json)}\n`);
  } else if (failure.message) {
    options.stderr.write(`error: ${failure.message}\n${failure.lines.map((l) => `  ${l}\n`).join("")}`);
  }
  return failure.exitCode;
}
