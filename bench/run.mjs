// Runs every bench/*.bench.mjs in turn, each in its own Node process so one benchmark's heap and
// JIT state cannot colour the next, prints what each prints, and writes the lot with a description
// of the machine to bench/RESULTS.md. Exits non-zero when any benchmark fails.
// BENCH_ONLY=<text> runs only the files whose name contains it.
import { spawn } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, release, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.env.BENCH_ONLY;
const benches = readdirSync(here)
  .filter((name) => name.endsWith(".bench.mjs") && (only === undefined || name.includes(only)))
  .sort();

/** Runs one benchmark, echoing its output; answers its exit status and stdout. */
function runBench(name) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(here, name)], { stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.on("close", (status) => resolve({ status, stdout }));
  });
}

const startedAt = new Date();
const loadBefore = loadavg();
const sections = [];
let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name}`);
  const { status, stdout } = await runBench(name);
  if (status !== 0) {
    console.error(`${name} exited with ${status}`);
    failed += 1;
  }
  sections.push(`## ${name}${status === 0 ? "" : ` (failed: exit ${status})`}\n\n${stdout.trim()}\n`);
}

const cpu = cpus();
const machine = [
  `- Run: ${startedAt.toISOString()}, ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`,
  `- CPU: ${cpu.length} × ${cpu[0]?.model ?? "unknown"}`,
  `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the end)`,
  `- OS: Linux ${release()}; Node ${process.version}`,
  `- Load average before: ${loadBefore.map((l) => l.toFixed(2)).join(" ")}; after: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`,
  "- Load generator and servers share these cores; other jobs on the machine disturb the absolute numbers, the ratios of one run less so.",
].join("\n");
writeFileSync(join(here, "RESULTS.md"), `# Benchmark results\n\nWritten by \`npm run bench\` (bench/run.mjs).\n\n${machine}\n\n${sections.join("\n")}`);
console.log("\nwrote bench/RESULTS.md");
process.exit(failed === 0 ? 0 : 1);
