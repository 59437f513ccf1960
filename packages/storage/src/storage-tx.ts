import type { StorageTx } from "@dropgate/core-domain";
import { buyerCapRepository } from "./repositories/buyer-caps.js";
import { catalogueRepository } from "./repositories/catalogue.js";
import { clientRepository } from "./repositories/clients.js";
import { forwardOrderRepository } from "./repositories/forward-orders.js";
import { orderRepository } from "./repositories/orders.js";
import { productRepository } from "./repositories/products.js";
import { purchaseOrderRepository } from "./repositories/purchase-orders.js";
import { reservationRepository } from "./repositories/reservations.js";
import { shipmentRepository } from "./repositories/shipments.js";
import { shippingRepository } from "./repositories/shipping.js";
import { stockRepository } from "./repositories/stock.js";
import { systemRepository } from "./repositories/system.js";
import { unitRepository } from "./repositories/units.js";
import { vendorSettingsRepository } from "./repositories/vendor-settings.js";
import { webhookRepository } from "./repositories/webhooks.js";
import type { PreparedStatements } from "./sql/prepared-statements.js";

/** The port's reads and writes over one connection, assembled from one repository per table group. */
export function createStorageTx(sql: PreparedStatements): StorageTx {
  return {
    ...clientRepository(sql),
    ...productRepository(sql),
    ...stockRepository(sql),
    ...catalogueRepository(sql),
    ...unitRepository(sql),
    ...orderRepository(sql),
    ...purchaseOrderRepository(sql),
    ...shipmentRepository(sql),
    ...reservationRepository(sql),
    ...buyerCapRepository(sql),
    ...forwardOrderRepository(sql),
    ...shippingRepository(sql),
    ...vendorSettingsRepository(sql),
    ...webhookRepository(sql),
    ...systemRepository(sql),
  };
}
