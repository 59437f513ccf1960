import type { Command } from "commander";

/** A stream the CLI writes to; `isTTY` decides whether a progress bar is worth drawing. */
export interface CliStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/** Where one CLI run reads its environment and writes its output (the process, or a test's buffers). */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The real process: its stdout, stderr and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

const ioOfProgram = new WeakMap<Command, CliIo>();

/** Binds `io` to a program so that every command under it writes there. */
export function bindIo(program: Command, io: CliIo): void {
  ioOfProgram.set(program, io);
  program.configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
}

/** The io of the program a command belongs to. */
export function ioOf(command: Command): CliIo {
  let root = command;
  while (root.parent) root = root.parent;
  return ioOfProgram.get(root) ?? processIo();
}
