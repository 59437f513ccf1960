#!/usr/bin/env node
// The package's `dropgate` bin. It is committed (not built) so that installing the workspace can
// link it before any build; it runs the built CLI, or says in one line what to run first.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli/main.js", import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  process.stderr.write("dropgate: the CLI is not built yet; run `npm start` (or `npx -y pnpm@10.34.9 build`) at the repository root first\n");
  // 5: a setup problem, distinct from the CLI's own exit codes (see the internal-rpc README).
  process.exitCode = 5;
}
