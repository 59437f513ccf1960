#!/usr/bin/env node
import { ConfigError, loadConfig } from "./config.js";
import { startGateway } from "./start.js";

// `node dist/main.js`: configuration from the environment, defaults for everything else.
try {
  await startGateway(loadConfig());
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof ConfigError) console.error(`dropgate gateway: ${error.message}`);
  else if (code === "EADDRINUSE" || code === "EACCES") {
    console.error(`dropgate gateway: cannot listen (${code}); set DROPGATE_GATEWAY_HOST / DROPGATE_GATEWAY_PORT`);
  } else console.error(error);
  process.exit(1);
}
