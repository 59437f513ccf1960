import type { UserConfig } from "vitest/config";
/** Vitest config for one package; `overrides.test` is merged over the shared test options. */
export function packageConfig(overrides?: { test?: NonNullable<UserConfig["test"]> }): UserConfig;
