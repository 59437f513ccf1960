import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const appDir = fileURLToPath(new URL("..", import.meta.url));

let dir: string;
let child: ChildProcess;
let stdout = "";
let stderr = "";

/** Resolves once stdout holds `text`, rejects if the process ends first. */
function waitFor(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (stdout.includes(text)) {
        child.stdout?.off("data", check);
        child.off("exit", onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) => reject(new Error(`start exited (${code}) before printing ${text}:\n${stdout}\n${stderr}`));
    child.stdout?.on("data", check);
    child.once("exit", onExit);
    check();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dropgate-start-"));
  // From source (tsx and the workspace's source condition), so the test needs no build.
  child = spawn(process.execPath, ["--import", "tsx", "--conditions=@dropgate/source", "src/start.mjs"], {
    cwd: appDir,
    env: {
      PATH: process.env.PATH ?? "",
      DROPGATE_DB_PATH: join(dir, "dropgate.sqlite"),
      DROPGATE_GATEWAY_PORT: "0",
      DROPGATE_RPC_PORT: "0",
      DROPGATE_LOG_LEVEL: "silent",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.setEncoding("utf8").on("data", (text: string) => (stdout += text));
  child.stderr?.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  await waitFor("Try the Optoro buyer:");
});

afterAll(() => {
  if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("the one-process Quick start", () => {
  it("serves the internal RPC and names the root CLI in its banner", async () => {
    expect(stdout).toContain("./dropgate system counts");
    expect(stdout).toContain("acme-vendor");
    const rpcUrl = /internal RPC\s+(\S+)/.exec(stdout)?.[1];
    expect(rpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/trpc$/);
    const health = await fetch(`${rpcUrl}/system.health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ result: { data: { status: "ok" } } });
  });

  it("stops cleanly on SIGTERM: exit 0 and says so", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toContain("SIGTERM: shutting down");
    expect(stdout).toContain("Dropgate stopped cleanly");
  });
});
