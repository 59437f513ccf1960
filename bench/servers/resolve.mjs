// The root package depends on no runtime library itself: resolve each one from the workspace
// package that depends on it (Fastify from the gateway, better-sqlite3 from storage).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const fromGateway = createRequire(new URL("../../apps/gateway/package.json", import.meta.url));
const fromStorage = createRequire(new URL("../../packages/storage/package.json", import.meta.url));

/** Fastify, as the gateway resolves it. */
export const Fastify = (await import(pathToFileURL(fromGateway.resolve("fastify")).href)).default;
/** better-sqlite3, as storage resolves it. */
export const Database = fromStorage("better-sqlite3");
/** Imports a workspace package's built entry the way storage would. */
export const loadFromStorage = (specifier) => import(pathToFileURL(fromStorage.resolve(specifier)).href);
