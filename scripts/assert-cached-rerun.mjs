#!/usr/bin/env node
// Proves that turbo caches correctly: runs the README's test command (`npm test`) a second time on
// the unchanged tree, with every vitest report deleted first, and fails unless turbo served every
// task from its cache (">>> FULL TURBO", no cache miss) and the restored reports add up to the
// same summary as the first run's (given as the only argument, e.g. "312 passed, 0 failed, 0 skipped").
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { reportFiles, summarize } from "./test-summary.mjs";

const expected = process.argv[2];
if (!expected) {
  console.error("usage: node scripts/assert-cached-rerun.mjs '<first run summary line>'");
  process.exit(2);
}
for (const file of reportFiles()) rmSync(file);

const started = Date.now();
const run = spawnSync("npm", ["test"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const output = `${run.stdout}\n${run.stderr}`;
const problems = [];
if (run.status !== 0) problems.push(`the second npm test exited ${run.status}`);
if (!output.includes(">>> FULL TURBO")) problems.push("turbo did not report >>> FULL TURBO");
const misses = output.split("\n").filter((line) => /cache miss/.test(line));
if (misses.length > 0) problems.push(`cache misses:\n  ${misses.join("\n  ")}`);
const summary = summarize();
if (summary.line !== expected) problems.push(`the cached reports sum to "${summary.line}", the first run to "${expected}"`);

if (problems.length > 0) {
  console.error(`second npm test (${seconds} s) was not fully cached:\n- ${problems.join("\n- ")}`);
  console.error(output.split("\n").slice(-40).join("\n"));
  process.exit(1);
}
console.log(`second npm test: every task from turbo's cache in ${seconds} s, same summary (${summary.line})`);
