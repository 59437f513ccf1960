import type {
  AttemptOutcome,
  BuyerCapMovementKind,
  ClientScope,
  Condition,
  DeliveryStatus,
  Dialect,
  ListingCondition,
  MovementKind,
  OrderItemStatus,
  OrderStatus,
  PurchaseOrderStatus,
  StockKind,
  WebhookEventType,
} from "@dropgate/core-domain";
import type { Generated } from "kysely";

/*
 * The database as Kysely sees it, typed once. Column types are the stored shapes; enumerations
 * reuse core-domain's zod-derived types so a renamed status breaks the build here too.
 * Conventions: snake_case columns; timestamps are UTC ISO 8601 TEXT written by the caller's `at`;
 * money is integer cents; booleans are 0/1; JSON documents are TEXT.
 */

/** SQLite has no boolean: 0 or 1. */
export type Flag = 0 | 1;
/** A JSON document stored as TEXT. */
export type JsonText = string;

export interface ClientsTable {
  id: Generated<number>;
  name: string;
  dialect: Dialect;
  scope: ClientScope;
  vendor_id: string | null;
  vendor_name: string | null;
  key: string;
  secret_hash: string;
  disabled: Flag;
  ecredit_cents: number;
  auto_confirm: Flag;
  created_at: string;
  updated_at: string;
}

export interface AccessTokensTable {
  id: Generated<number>;
  client_id: number;
  token_hash: string;
  scope: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ProductsTable {
  sku: string;
  upc: string | null;
  brand: string | null;
  title: string | null;
  vendor_id: string | null;
  vpc: string | null;
  created_at: string;
  updated_at: string;
}

export interface StockPositionsTable {
  id: Generated<number>;
  sku: string;
  condition: ListingCondition;
  channel: string;
  kind: StockKind;
  on_hand: number;
  allocated: number;
  reserved: number;
  price_cents: number | null;
  /** LotDetails as JSON. */
  lot: JsonText | null;
  created_at: string;
  updated_at: string;
}

/** Positions per (channel, condition), kept by triggers (migration 0007). */
export interface PositionCountsTable {
  channel: string;
  condition: ListingCondition;
  positions: number;
}

export interface LedgerMovementsTable {
  id: Generated<number>;
  position_id: number;
  kind: MovementKind;
  cause_type: string;
  cause_ref: string;
  delta_on_hand: number;
  delta_allocated: number;
  delta_reserved: number;
  at: string;
}

export interface UnitsTable {
  lp: string;
  sku: string;
  upc: string;
  condition: Condition;
  disposition: string;
  warehouse: string;
  location: string;
  program: string;
  reference_unit_identifier: string | null;
  store_identifier: string | null;
  created_at: string;
  updated_at: string;
}

export interface DispositionEventsTable {
  id: Generated<number>;
  lp: string;
  from_disposition: string;
  to_disposition: string;
  from_condition: Condition;
  to_condition: Condition;
  from_sku: string;
  to_sku: string;
  upc: string;
  warehouse: string;
  location: string;
  program: string;
  reference_unit_identifier: string | null;
  store_identifier: string | null;
  user_login: string | null;
  at: string;
}

export interface OrdersTable {
  id: Generated<number>;
  client_id: number;
  client_identifier: string;
  channel: string;
  status: OrderStatus;
  payment_required: Flag;
  /** Address as JSON. */
  billing_address: JsonText | null;
  /** Address as JSON. */
  shipping_address: JsonText | null;
  brand: string | null;
  shipping_method: string | null;
  carrier_id: number | null;
  comments: string | null;
  expected_delivery_date: string | null;
  signature_required: Flag | null;
  packing_slip_identifier: string | null;
  reject_reason: string | null;
  /** The short lines of an order rejected for stock, as a JSON array (0002_hygiene). */
  shortages: JsonText;
  /** Dialect-specific attributes as a JSON object. */
  attributes: JsonText;
  price_cents: number;
  processing_fee_cents: number;
  tax_cents: number;
  shipping_cost_cents: number;
  shipping_tax_cents: number;
  created_at: string;
  updated_at: string;
}

export interface OrderItemsTable {
  id: Generated<number>;
  order_id: number;
  client_identifier: string | null;
  position_id: number | null;
  sku: string;
  condition: ListingCondition;
  brand: string | null;
  vendor_id: string | null;
  qty_ordered: number;
  qty_allocated: number;
  qty_acknowledged: number;
  qty_shipped: number;
  qty_cancelled: number;
  price_cents: number;
  tax_cents: number;
  shipping_cost_cents: number;
  shipping_tax_cents: number;
  comments: string | null;
  status: OrderItemStatus;
  created_at: string;
  updated_at: string;
}

export interface PurchaseOrdersTable {
  id: Generated<number>;
  vendor_id: string;
  order_id: number;
  status: PurchaseOrderStatus;
  date_submit: string;
  estimated_ship_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface PurchaseOrderItemsTable {
  po_item_id: Generated<number>;
  purchase_order_id: number;
  order_item_id: number;
  sku: string;
  vpc: string;
  qty_ordered: number;
  qty_acknowledged: number;
  qty_shipped: number;
  qty_cancelled: number;
}

export interface ShipmentsTable {
  id: Generated<number>;
  order_id: number;
  /** The order's client, copied at insert so the client's list is one index range. */
  client_id: number;
  purchase_order_id: number | null;
  tracking_number: string;
  carrier: string | null;
  ship_class_id: number | null;
  shipping_method: string | null;
  billed_weight: number | null;
  shipping_cost_cents: number | null;
  shipped_at: string;
  created_at: string;
  updated_at: string;
}

export interface ShipmentItemsTable {
  id: Generated<number>;
  shipment_id: number;
  order_item_id: number;
  quantity: number;
}

export interface ReservationsTable {
  id: Generated<number>;
  client_id: number;
  position_id: number;
  locked: number;
  updated_at: string;
}

export interface BuyerCapsTable {
  client_id: number;
  position_id: number;
  cap: number;
  updated_at: string;
}

export interface BuyerCapMovementsTable {
  id: Generated<number>;
  client_id: number;
  position_id: number;
  kind: BuyerCapMovementKind;
  delta: number;
  cap_after: number | null;
  cause_type: string;
  cause_ref: string;
  at: string;
}

export interface ForwardOrdersTable {
  id: Generated<number>;
  client_id: number;
  identifier: string;
  concept: string | null;
  postal_code: string | null;
  ordered_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ForwardOrderItemsTable {
  id: Generated<number>;
  forward_order_id: number;
  identifier: string;
  upc: string;
  sku: string;
  quantity: number;
  tracking_number: string | null;
  reverse_tracking_number: string | null;
  dropship_identifier: string | null;
  shipped_date: string | null;
  return_policy_end_date: string | null;
  /** ForwardOrderLabel[] as JSON. */
  labels: JsonText;
  created_at: string;
  updated_at: string;
}

export interface ShipClassesTable {
  id: number;
  name: string;
  carrier: string;
  default_weight: number | null;
  default_cost_cents: number | null;
}

export interface VendorSettingsTable {
  vendor_id: string;
  change_pos_after_submit: Flag;
  created_at: string;
  updated_at: string;
}

export interface CarriersTable {
  id: number;
  name: string;
  cost_cents: number;
  is_default: Flag;
}

export interface WebhookSubscriptionsTable {
  id: Generated<number>;
  client_id: number;
  url: string;
  /** WebhookAuth as JSON. */
  auth: JsonText;
  /** WebhookEventType[] as JSON. */
  event_types: JsonText;
  active: Flag;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  subscription_id: number;
  event_type: WebhookEventType;
  /** The event body as a JSON object. */
  payload: JsonText;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  /** The dispatcher holding the in-flight claim, and until when. */
  lease_owner: string | null;
  lease_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveryAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  attempt: number;
  started_at: string;
  latency_ms: number;
  http_status: number | null;
  outcome: AttemptOutcome;
  error: string | null;
  dispatcher: string;
}

/** Every table of the Dropgate database. */
export interface Database {
  clients: ClientsTable;
  access_tokens: AccessTokensTable;
  products: ProductsTable;
  stock_positions: StockPositionsTable;
  position_counts: PositionCountsTable;
  ledger_movements: LedgerMovementsTable;
  units: UnitsTable;
  disposition_events: DispositionEventsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_items: PurchaseOrderItemsTable;
  shipments: ShipmentsTable;
  shipment_items: ShipmentItemsTable;
  reservations: ReservationsTable;
  buyer_caps: BuyerCapsTable;
  buyer_cap_movements: BuyerCapMovementsTable;
  forward_orders: ForwardOrdersTable;
  forward_order_items: ForwardOrderItemsTable;
  ship_classes: ShipClassesTable;
  vendor_settings: VendorSettingsTable;
  carriers: CarriersTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptsTable;
}
