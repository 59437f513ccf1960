import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runCli } from "../../src/cli/run.js";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the `dropgate` CLI in this process: the same `runCli` that `main.ts` calls, with stdout,
 * stderr and the environment of the run captured instead of the process's own.
 */
export async function runCliInProcess(args: readonly string[], env: Readonly<Record<string, string>>): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(["node", "dropgate", ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}

/**
 * Runs the `dropgate` CLI from source in a child process, as `pnpm test` must work before any
 * build: node with tsx and the workspace's source condition. For the few end-to-end tests that
 * prove the process itself (exit status, streams, environment).
 */
export function runCliProcess(args: readonly string[], env: Readonly<Record<string, string>>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "--conditions=@dropgate/source", "src/cli/main.ts", ...args],
      {
        cwd: packageDir,
        // Only what the test gives: no token or URL leaks in from the developer's shell.
        env: { PATH: process.env.PATH ?? "", ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
