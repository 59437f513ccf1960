import cliProgress from "cli-progress";
import type { CliStream } from "../io.js";

/** Progress of a bulk import; silent unless a person is watching. */
export interface Progress {
  advance(rows: number): void;
  stop(): void;
}

/** A progress bar on a terminal, nothing in `--json` mode or when stdout is piped. */
export function createProgress(label: string, total: number, options: { json: boolean; stream: CliStream }): Progress {
  if (options.json || options.stream.isTTY !== true) return { advance() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} |{bar}| {value}/{total} rows | {eta_formatted} left`, hideCursor: true, stream: options.stream as NodeJS.WritableStream },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    advance: (rows) => bar.increment(rows),
    stop: () => bar.stop(),
  };
}
