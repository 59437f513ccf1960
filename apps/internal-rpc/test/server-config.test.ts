import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadRpcConfig, RpcConfigError, resolveRpcToken, tokenFilePath } from "../src/index.js";

describe("loadRpcConfig", () => {
  it("defaults to ./data/dropgate.sqlite on 127.0.0.1:8081", () => {
    expect(loadRpcConfig({})).toEqual({ dbPath: "./data/dropgate.sqlite", host: "127.0.0.1", port: 8081 });
  });

  it("reads the documented variables and treats empty ones as unset", () => {
    const config = loadRpcConfig({ DROPGATE_DB_PATH: "/tmp/x.sqlite", DROPGATE_RPC_PORT: "9000", DROPGATE_RPC_HOST: "", DROPGATE_RPC_TOKEN: "t".repeat(20) });
    expect(config).toEqual({ dbPath: "/tmp/x.sqlite", host: "127.0.0.1", port: 9000, token: "t".repeat(20) });
  });

  it("names the bad variable", () => {
    expect(() => loadRpcConfig({ DROPGATE_RPC_PORT: "http" })).toThrow(RpcConfigError);
    expect(() => loadRpcConfig({ DROPGATE_RPC_PORT: "70000" })).toThrow(/^DROPGATE_RPC_PORT: /);
    expect(() => loadRpcConfig({ DROPGATE_RPC_TOKEN: "short" })).toThrow(/DROPGATE_RPC_TOKEN/);
  });
});

describe("resolveRpcToken", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "dropgate-token-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("generates a token next to the database, owner-only, and reuses it", () => {
    const dbPath = join(dir, "db", "dropgate.sqlite");
    const first = resolveRpcToken({ dbPath });
    expect(first.source).toBe("generated");
    expect(first.file).toBe(tokenFilePath(dbPath));
    expect(statSync(tokenFilePath(dbPath)).mode & 0o777).toBe(0o600);
    expect(readFileSync(tokenFilePath(dbPath), "utf8").trim()).toBe(first.token);
    const second = resolveRpcToken({ dbPath });
    expect(second).toMatchObject({ source: "file", token: first.token });
  });

  it("prefers the configured token and writes no file", () => {
    const dbPath = join(dir, "dropgate.sqlite");
    expect(resolveRpcToken({ dbPath, token: "configured-token-123" })).toEqual({ token: "configured-token-123", source: "env", file: null });
    expect(() => statSync(tokenFilePath(dbPath))).toThrow();
  });
});
