/*
 * Human output goes to stdout as aligned tables and short lines; `--json` prints the server's
 * answer unchanged so scripts can parse it. Notes meant for people go to stderr and are
 * silent in JSON mode.
 */
import type { CliIo, CliStream } from "./io.js";

export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => string | number | boolean | null | undefined;
  readonly align?: "left" | "right";
}

/** Renders rows as an aligned text table with a header line. */
export function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string[] {
  const cells = rows.map((row) => columns.map((c) => text(c.value(row))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (columns[i]?.align === "right" ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)];
}

/** Renders `label: value` pairs with the labels aligned. */
export function fields(pairs: readonly (readonly [string, unknown])[]): string[] {
  const width = Math.max(...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `${`${label}:`.padEnd(width + 1)} ${text(value)}`);
}

/** A cell's text: `-` for nothing, JSON for objects. */
export function text(value: unknown): string {
  if (value === null || value === undefined || value === "") return "-";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Cents as a decimal amount, `-` when unknown. */
export function money(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? "-" : (cents / 100).toFixed(2);
}

/** Where a command writes its answer. */
export interface Output {
  readonly json: boolean;
  /** Where the answer goes; a progress bar draws there only when it is a terminal. */
  readonly stdout: CliStream;
  /** Prints `value` as JSON in `--json` mode, else the lines `human` renders. */
  result<T>(value: T, human: (value: T) => readonly string[]): void;
  /** A line for people (stderr); silent in `--json` mode. */
  note(line: string): void;
}

/** The output of one CLI run. */
export function createOutput(json: boolean, io: Pick<CliIo, "stdout" | "stderr">): Output {
  return {
    json,
    stdout: io.stdout,
    result(value, human) {
      io.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human(value).join("\n")}\n`);
    },
    note(line) {
      if (!json) io.stderr.write(`${line}\n`);
    },
  };
}

/** The paging footer of a list. */
export function pageFooter(page: { readonly rows: readonly unknown[]; readonly total: number; readonly nextAfterId: number | null }): string {
  const more = page.nextAfterId === null ? "" : `; next page: --after ${page.nextAfterId}`;
  return `(${page.rows.length} of ${page.total}${more})`;
}
