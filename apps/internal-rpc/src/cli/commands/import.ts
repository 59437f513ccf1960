import { Product, SetStockInput } from "@dropgate/core-domain";
import { type Command, InvalidArgumentError } from "commander";
import { batches, DEFAULT_BATCH_ROWS, MAX_BATCH_ROWS } from "../../bulk.js";
import { integer } from "../arguments.js";
import { ImportStopped } from "../failures.js";
import { createProgress } from "../import/progress.js";
import { readRows } from "../import/read-rows.js";
import { validateRows } from "../import/validate-rows.js";
import { type Session, sessionOf } from "../session.js";

function batchSize(value: string): number {
  const n = integer(value);
  if (n < 1 || n > MAX_BATCH_ROWS) throw new InvalidArgumentError(`expected 1 to ${MAX_BATCH_ROWS}`);
  return n;
}

/** Sends rows in batches, one transaction each, advancing the progress bar as batches land. */
async function sendInBatches<T>(
  session: Session,
  label: string,
  file: string,
  rows: readonly T[],
  size: number,
  send: (batch: T[]) => Promise<{ count: number }>,
): Promise<void> {
  const started = performance.now();
  const progress = createProgress(label, rows.length, { json: session.out.json, stream: session.out.stdout });
  let imported = 0;
  let sent = 0;
  try {
    for (const batch of batches(rows, size)) {
      const { count } = await send(batch);
      imported += count;
      sent++;
      progress.advance(batch.length);
    }
  } catch (error) {
    throw new ImportStopped(imported, error);
  } finally {
    progress.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const summary = { kind: label, file, rows: imported, batches: sent, seconds: Number(seconds.toFixed(3)) };
  session.out.result(summary, (s) => [
    `imported ${s.rows} rows of ${s.kind} from ${s.file} in ${s.batches} batches (${s.seconds.toFixed(1)} s, ${Math.round(s.rows / Math.max(s.seconds, 0.001))} rows/s)`,
  ]);
}

/** `dropgate import products|stock <file>`: bulk imports from CSV or JSON. */
export function registerImportCommands(program: Command): void {
  const imports = program
    .command("import")
    .description("bulk imports from .csv (header line) or .json (array of rows); validated whole, sent in batches");

  imports
    .command("products")
    .description("import products: sku, upc, brand, title, vendorId, vpc")
    .argument("<file>", ".csv or .json file")
    .option("--batch-size <n>", "rows per transaction", batchSize, DEFAULT_BATCH_ROWS)
    .action(async (file: string, opts: { batchSize: number }, cmd: Command) => {
      const session = sessionOf(cmd);
      const rows = validateRows(readRows(file), Product);
      await sendInBatches(session, "products", file, rows, opts.batchSize, (batch) => session.rpc.products.importBatch.mutate({ rows: batch }));
    });

  imports
    .command("stock")
    .description("import absolute stock: sku, condition, channel, onHand, kind, priceCents, reason")
    .argument("<file>", ".csv or .json file")
    .option("--batch-size <n>", "rows per transaction", batchSize, DEFAULT_BATCH_ROWS)
    .action(async (file: string, opts: { batchSize: number }, cmd: Command) => {
      const session = sessionOf(cmd);
      const rows = validateRows(readRows(file, { integers: ["onHand", "priceCents"] }), SetStockInput);
      await sendInBatches(session, "stock", file, rows, opts.batchSize, (batch) => session.rpc.stock.importBatch.mutate({ rows: batch }));
    });
}
