import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parse } from "csv-parse/sync";
import { UsageError } from "../failures.js";

/** One raw row of an import file with where it came from, for error messages. */
export interface RawRow {
  readonly where: string;
  readonly values: Record<string, unknown>;
}

/** `vendor_id` and `Vendor ID` both mean `vendorId`, so exports from other tools load as they are. */
function camelCase(header: string): string {
  return header.trim().replace(/[\s_-]+(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toLowerCase());
}

/**
 * A CSV cell as a value: empty cells are absent and integer columns become numbers. Every other
 * column stays text, so a UPC like 012345678905 keeps its leading zero.
 */
function cellValue(cell: string, integer: boolean): unknown {
  if (cell === "") return undefined;
  if (integer && /^[+-]?\d+$/.test(cell)) return Number(cell);
  return cell;
}

const CSV_OPTIONS = { skip_empty_lines: true, trim: true, bom: true } as const;

/**
 * The file line of each record. Asking the parser for it (`info`) doubles its time on large
 * files, so the lines are counted here when every record is one line; a file whose quoted cells
 * span lines is parsed again with `info` to stay exact.
 */
function recordLines(text: string, recordCount: number): number[] | null {
  const lines: number[] = [];
  let line = 0;
  for (const content of text.split("\n")) {
    line++;
    if (content.trim() !== "") lines.push(line);
  }
  return lines.length === recordCount ? lines : null;
}

function readCsv(file: string, text: string, integers: ReadonlySet<string>): RawRow[] {
  let records: string[][] = parse(text, CSV_OPTIONS);
  let lines = recordLines(text, records.length);
  if (lines === null) {
    // csv-parse's typings ignore `info`, which wraps each record as { record, info }.
    const withInfo = parse(text, { ...CSV_OPTIONS, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    records = withInfo.map((r) => r.record);
    lines = withInfo.map((r) => r.info.lines);
  }
  const [header, ...body] = records;
  if (header === undefined) return [];
  const columns = header.map(camelCase);
  return body.map((cells, index) => {
    const values: Record<string, unknown> = {};
    for (const [i, column] of columns.entries()) {
      const value = cellValue(cells[i] ?? "", integers.has(column));
      if (value !== undefined) values[column] = value;
    }
    return { where: `${file}:${lines[index + 1] ?? "?"}`, values };
  });
}

function readJson(file: string, text: string): RawRow[] {
  const data: unknown = JSON.parse(text);
  const rows = Array.isArray(data) ? data : typeof data === "object" && data !== null && "rows" in data ? data.rows : undefined;
  if (!Array.isArray(rows)) throw new UsageError(`${file}: expected a JSON array of rows or {"rows": [...]}`);
  return rows.map((values: unknown, index) => {
    if (typeof values !== "object" || values === null || Array.isArray(values)) throw new UsageError(`${file}: row ${index} is not an object`);
    return { where: `${file} row ${index}`, values: values as Record<string, unknown> };
  });
}

/**
 * Reads the rows of a `.csv` (with a header line) or `.json` import file. CSV cells are text;
 * the columns named in `integers` (camelCase) are read as numbers.
 */
export function readRows(file: string, options: { readonly integers?: readonly string[] } = {}): RawRow[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    switch (extname(file).toLowerCase()) {
      case ".csv":
        return readCsv(file, text, new Set(options.integers ?? []));
      case ".json":
        return readJson(file, text);
      default:
        throw new UsageError(`${file}: expected a .csv or .json file`);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
}
