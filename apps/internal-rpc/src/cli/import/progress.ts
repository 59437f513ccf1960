import cliProgress from "cli-progress";

/** Progress of a bulk import; silent unless a person is watching. */
export interface Progress {
  advance(rows: number): void;
  stop(): void;
}

/** A progress bar on a terminal, nothing in `--json` mode or when stdout is piped. */
export function createProgress(label: string, total: number, options: { json: boolean }): Progress {
  if (options.json || !process.stdout.isTTY) return { advance() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} |{bar}| {value}/{total} rows | {eta_formatted} left`, hideCursor: true, stream: process.stdout },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    advance: (rows) => bar.increment(rows),
    stop: () => bar.stop(),
  };
}
