/** Exit codes of `dropgate`, documented in the README so scripts can tell failures apart. */
export const EXIT = {
  ok: 0,
  /** The server refused the request: a domain error (not found, conflict, illegal transition…) or invalid input. */
  refused: 1,
  /** The command line or an input file is wrong; nothing was sent. */
  usage: 2,
  /** The bearer token is missing or wrong. */
  unauthorized: 3,
  /** The server could not be reached or failed unexpectedly. */
  unavailable: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A problem with the command line or an input file, found before anything was sent. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** The operation ran but its answer is a failure the caller must see (e.g. a failed invariant check). */
export class FailedCheck extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FailedCheck";
  }
}

/** A batch failed after earlier ones were committed; says how far the import got. */
export class ImportStopped extends Error {
  constructor(
    readonly imported: number,
    override readonly cause: unknown,
  ) {
    super(`import stopped after ${imported} rows; those rows are saved (each batch is one transaction), the rest are not`);
    this.name = "ImportStopped";
  }
}
