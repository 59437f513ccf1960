import { carriersRouter } from "./routers/carriers.js";
import { clientsRouter } from "./routers/clients.js";
import { forwardOrdersRouter } from "./routers/forward-orders.js";
import { ordersRouter } from "./routers/orders.js";
import { productsRouter } from "./routers/products.js";
import { purchaseOrdersRouter } from "./routers/purchase-orders.js";
import { reservationsRouter } from "./routers/reservations.js";
import { settingsRouter } from "./routers/settings.js";
import { shipClassesRouter } from "./routers/ship-classes.js";
import { shipmentsRouter } from "./routers/shipments.js";
import { stockRouter } from "./routers/stock.js";
import { systemRouter } from "./routers/system.js";
import { unitsRouter } from "./routers/units.js";
import { vendorsRouter } from "./routers/vendors.js";
import { webhooksRouter } from "./routers/webhooks.js";
import { worldRouter } from "./routers/world.js";
import { router } from "./trpc.js";

/** The internal RPC: one sub-router per area of the domain. */
export const appRouter = router({
  clients: clientsRouter,
  products: productsRouter,
  stock: stockRouter,
  units: unitsRouter,
  orders: ordersRouter,
  purchaseOrders: purchaseOrdersRouter,
  shipments: shipmentsRouter,
  reservations: reservationsRouter,
  forwardOrders: forwardOrdersRouter,
  carriers: carriersRouter,
  shipClasses: shipClassesRouter,
  settings: settingsRouter,
  vendors: vendorsRouter,
  webhooks: webhooksRouter,
  system: systemRouter,
  world: worldRouter,
});

/** The router's type, for `createTRPCClient<AppRouter>`. */
export type AppRouter = typeof appRouter;
