import type { RetailOpsAction } from "./action.js";
import { carrierClassFetch } from "./carrier-classes.js";
import { inventoryAdvice } from "./inventory-advice.js";
import { poComplete, poFetch, poMarkAccepted, poMarkSubmitted, poUpdateEstShipDate } from "./purchase-orders.js";

/** Every action of the vendor API, in the order of the guide's sections. */
export const RETAILOPS_ACTIONS: readonly RetailOpsAction[] = [
  inventoryAdvice,
  poFetch,
  poMarkSubmitted,
  poComplete,
  carrierClassFetch,
  poMarkAccepted,
  poUpdateEstShipDate,
] as readonly RetailOpsAction[];
