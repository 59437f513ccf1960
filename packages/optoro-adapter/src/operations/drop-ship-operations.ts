
import type { DropShipDeps } from "./drop-ship-context.js";
import { listingOperations } from "./listing-operations.js";
import { orderCreateOperations } from "./order-create-operations.js";
import { orderPaymentOperations } from "./order-payment-operations.js";
import { orderReadOperations } from "./order-read-operations.js";
import { shipmentOperations } from "./shipment-operations.js";
import type { OptoroOperation } from "./optoro-kit.js";

/** The twelve Drop Ship 2023-08-15 operations. */
export function dropShipOperations(deps: DropShipDeps): OptoroOperation[] {
  return [
    ...listingOperations(deps),
    ...orderReadOperations(deps),
    ...orderCreateOperations(),
    ...orderPaymentOperations(),
    ...shipmentOperations(deps),
  ];
}
