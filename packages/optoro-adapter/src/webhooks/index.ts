export * from "./disposition-payload.js";
export { toDispositionPayload, toDispositionTimestamp } from "./disposition-mapping.js";
export * from "./drop-shipment-cancellation.js";
export * from "./drop-shipment-confirmation.js";
export * from "./drop-shipment-partial-cancellation.js";
export { toDropShipmentCancellation, toDropShipmentConfirmation, toDropShipmentPartialCancellation } from "./drop-shipment-mapping.js";
export { EndpointTokenError } from "./endpoint-tokens.js";
export * from "./receiver-answers.js";
export { type SendOutcome, type SendResult, type WebhookSenderOptions, type WebhookTarget, WebhookSender } from "./webhook-sender.js";
export {
  buildWebhookBody,
  OrderRef,
  optoroWebhookBodies,
  ShipmentRef,
  visibleOrder,
  type WebhookBodyBuilder,
  type WebhookBodyRegistry,
} from "./webhook-bodies.js";
