#!/usr/bin/env node
// Prints one "N passed, N failed, N skipped" line summed from every package's vitest JSON report
// (`.cache/vitest-report.json`, which turbo restores from its cache on a hit), and exits 1 when
// no report exists, nothing passed or anything failed.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// fileURLToPath/pathToFileURL, not .pathname: a clone's path may hold spaces or other escaped characters.
const root = fileURLToPath(new URL("..", import.meta.url));

/** Every package's vitest report that exists. */
export function reportFiles() {
  return ["packages", "apps"]
    .flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(root, dir, name, ".cache", "vitest-report.json")))
    .filter((file) => existsSync(file));
}

/** The workspace's totals from its reports. */
export function summarize(files = reportFiles()) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of files) {
    const report = JSON.parse(readFileSync(file, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  }
  return { files: files.length, passed, failed, skipped, line: `${passed} passed, ${failed} failed, ${skipped} skipped` };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const summary = summarize();
  console.log(summary.line);
  if (summary.files === 0 || summary.passed === 0 || summary.failed > 0) process.exit(1);
}
