// Runs every bench/*.bench.mjs in turn, each in its own Node process so one benchmark's heap and
// JIT state cannot colour the next. Exits non-zero when any benchmark fails.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here)
  .filter((name) => name.endsWith(".bench.mjs"))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name}`);
  const { status } = spawnSync(process.execPath, [join(here, name)], { stdio: "inherit" });
  if (status !== 0) {
    console.error(`${name} exited with ${status}`);
    failed += 1;
  }
}
process.exit(failed === 0 ? 0 : 1);
