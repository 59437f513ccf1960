export { ConfigError, type GatewayConfig, GatewayEnv, type LogLevel, loadConfig } from "./config.js";
export { cursorSecretPath, resolveCursorSecret } from "./cursor-secret.js";
export { createDialects, type DialectOptions } from "./dialects.js";
export {
  DEFAULT_DISPATCH,
  type DispatcherEvents,
  type WebhookDispatcher,
  type WebhookDispatcherOptions,
  type WebhookDispatchSettings,
  startWebhookDispatcher,
} from "./dispatcher/webhook-dispatcher.js";
export { createShutdown } from "./lifecycle/shutdown.js";
export { createTokenBucketLimiter, type RateLimiter, type TakeResult } from "./limits/token-bucket.js";
export { createLogger, type GatewayLoggerOptions } from "./logging/logger.js";
export { CREDENTIAL_KEYS, REDACTED, redactDeep, SENSITIVE_KEYS } from "./logging/redact.js";
export { REQUEST_ID_HEADER } from "./logging/request-id.js";
export { createGatewayMetrics, type GatewayMetrics } from "./metrics/gateway-metrics.js";
export { buildOpenApiDocument, type OpenApiDocument } from "./openapi/document.js";
export { type CreateGatewayOptions, createGateway, type GatewayServerConfig } from "./server.js";
export { type RunningGateway, type StartGatewayOptions, startGateway } from "./start.js";
