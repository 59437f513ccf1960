import type { BuyerCap, BuyerCapMovement, BuyerCapMovementKind } from "./model/buyer-cap.js";
import type { AccessToken, Client, ClientScope, Dialect, StoredClient } from "./model/client.js";
import type { ForwardOrder, ForwardOrderItem } from "./model/forward-order.js";
import type { LedgerMovement, MovementCause, NewMovement } from "./model/ledger.js";
import type { Order, OrderItem, OrderItemStatus, OrderStatus } from "./model/order.js";
import type { Product } from "./model/product.js";
import type { PurchaseOrder, PurchaseOrderItem, PurchaseOrderStatus } from "./model/purchase-order.js";
import type { Reservation } from "./model/reservation.js";
import type { Shipment } from "./model/shipment.js";
import type { Carrier, ShipClass } from "./model/shipping.js";
import type { LotDetails, PositionKey, StockKind, StockPosition } from "./model/stock.js";
import type { DispositionEvent, Unit } from "./model/unit.js";
import type { VendorSettings } from "./model/vendor.js";
import type {
  DeliveryAttempt,
  DeliveryStatus,
  WebhookDelivery,
  WebhookEventType,
  WebhookSubscription,
} from "./model/webhook.js";

/*
 * The storage port. Every method is synchronous on purpose: a use case runs inside one
 * `transaction()` call with no `await`, so nothing can interleave between checking stock and
 * taking it (ARCHITECTURE.md, anchors §4.3). Storage implements it with prepared statements.
 *
 * Every timestamp crossing the port is in `Date#toISOString()` form (UTC, milliseconds, `Z`):
 * storage compares them as text, which orders correctly only when they share one format.
 */

/** One page of a keyset-paged list, with the total that matches the filter. */
export interface Page<T> {
  readonly rows: readonly T[];
  readonly total: number;
  /** Id of the last row, to pass as `afterId` for the next page; null on the last page. */
  readonly nextAfterId: number | null;
}

/** Keyset paging: rows are ordered by id ascending, so pages never skip or repeat a row. */
export interface KeysetQuery {
  readonly afterId?: number | undefined;
  readonly limit: number;
  /**
   * The total that the first page of this walk answered (a cursor may carry it): the list
   * answers it again instead of counting the set on every page.
   */
  readonly knownTotal?: number | undefined;
}

export interface PositionQuery extends KeysetQuery {
  readonly channel?: string | undefined;
  readonly condition?: string | undefined;
  readonly sku?: string | undefined;
  readonly vendorId?: string | undefined;
  readonly updatedSince?: string | undefined;
}

export interface OrderQuery extends KeysetQuery {
  readonly clientId?: number | undefined;
  readonly status?: OrderStatus | undefined;
  readonly channel?: string | undefined;
  readonly updatedSince?: string | undefined;
  readonly updatedBefore?: string | undefined;
}

export interface ShipmentQuery extends KeysetQuery {
  readonly clientId?: number | undefined;
  readonly orderId?: number | undefined;
  readonly channel?: string | undefined;
  readonly trackingNumber?: string | undefined;
  readonly carrier?: string | undefined;
  readonly updatedSince?: string | undefined;
}

export interface PurchaseOrderQuery extends KeysetQuery {
  readonly vendorId?: string | undefined;
  readonly statuses?: readonly PurchaseOrderStatus[] | undefined;
  /** Only POs whose date_submit is at or before this instant. */
  readonly dueBy?: string | undefined;
  readonly orderId?: number | undefined;
  /**
   * Skips this many matching POs before the page (RetailOps `start`). Storage resolves it to a
   * keyset position in id order, so a page still starts after a PO id, not at a moving offset.
   */
  readonly skip?: number | undefined;
}

/** Forward orders to match a returned unit against; item filters must hold for one same item. */
export interface ForwardOrderQuery extends KeysetQuery {
  readonly clientId?: number | undefined;
  readonly identifier?: string | undefined;
  /** An item's tracking number or its reverse (return) tracking number. */
  readonly trackingNumber?: string | undefined;
  readonly upc?: string | undefined;
  readonly sku?: string | undefined;
}

export interface DeliveryQuery extends KeysetQuery {
  readonly status?: DeliveryStatus | undefined;
  readonly subscriptionId?: number | undefined;
}

/** One dispatcher's claim on due deliveries, taken as a lease. */
export interface DeliveryClaim {
  readonly now: string;
  readonly limit: number;
  /** The claiming dispatcher's id, stored as the lease owner. */
  readonly owner: string;
  readonly leaseExpiresAt: string;
  /** At most this many deliveries of one subscription per claim. */
  readonly perSubscription: number;
  /** Subscriptions to leave out (the dispatcher has no free slot for them). */
  readonly skipSubscriptions: readonly number[];
}

/** The outcome of a send, written by the lease owner only. */
export interface DeliverySettlement {
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
}

export type NewDeliveryAttempt = Omit<DeliveryAttempt, "id">;

export interface NewClient {
  readonly name: string;
  readonly dialect: Dialect;
  readonly scope: ClientScope;
  readonly vendorId: string | null;
  /** A vendor client's name as its feeds send it (`vendor_name`); absent means none. */
  readonly vendorName?: string | null | undefined;
  readonly key: string;
  readonly secretHash: string;
  readonly ecreditCents: number;
  readonly autoConfirm: boolean;
  readonly at: string;
}

export interface NewPosition extends PositionKey {
  readonly kind: StockKind;
  readonly priceCents: number | null;
  readonly lot: LotDetails | null;
  readonly at: string;
}

export type NewOrderItem = Omit<OrderItem, "id" | "orderId" | "createdAt" | "updatedAt">;
export type NewOrder = Omit<Order, "id" | "items" | "createdAt" | "updatedAt"> & {
  readonly items: readonly NewOrderItem[];
  readonly at: string;
};

export type NewPurchaseOrderItem = Omit<PurchaseOrderItem, "poItemId">;
export interface NewPurchaseOrder {
  readonly vendorId: string;
  readonly orderId: number;
  readonly dateSubmit: string;
  readonly items: readonly NewPurchaseOrderItem[];
  readonly at: string;
}

export type NewShipment = Omit<Shipment, "id" | "items" | "createdAt" | "updatedAt"> & {
  readonly items: readonly { readonly orderItemId: number; readonly quantity: number }[];
  readonly at: string;
};

export type NewUnit = Omit<Unit, "createdAt" | "updatedAt"> & { readonly at: string };

export interface NewSubscription {
  readonly clientId: number;
  readonly url: string;
  readonly auth: WebhookSubscription["auth"];
  readonly eventTypes: readonly WebhookEventType[];
  readonly at: string;
}

export interface NewForwardOrder {
  readonly clientId: number;
  readonly identifier: string;
  readonly concept: string | null;
  readonly postalCode: string | null;
  readonly orderedAt: string | null;
  readonly items: readonly ForwardOrderItem[];
  readonly at: string;
}

/** The catalogue of one channel by product: products that have a position there, in sku order. */
export interface CatalogueQuery {
  readonly channel: string;
  /** Only products whose row or one of whose positions in the channel changed at or after this. */
  readonly updatedSince?: string | undefined;
}

/** One product of the catalogue with its positions in the channel and when its row last changed. */
export interface CatalogueEntry {
  readonly product: Product;
  readonly productUpdatedAt: string;
  readonly positions: readonly StockPosition[];
}

/** One keyset page of the catalogue; `nextAfterSku` is null on the last page. */
export interface CataloguePage {
  readonly rows: readonly CatalogueEntry[];
  readonly total: number;
  readonly nextAfterSku: string | null;
}

export interface SystemCounts {
  readonly clients: number;
  readonly products: number;
  readonly positions: number;
  readonly movements: number;
  readonly units: number;
  readonly orders: number;
  readonly purchaseOrders: number;
  readonly shipments: number;
  readonly pendingDeliveries: number;
  readonly failedDeliveries: number;
}

/** Which buyer caps to read: one buyer's, those on some positions, or both. */
export interface BuyerCapQuery {
  readonly clientId?: number | undefined;
  readonly positionIds?: readonly number[] | undefined;
}

/** A change of one buyer's cap on one position; `cap: null` lifts it. Storage writes the audited movement with it. */
export interface BuyerCapChange {
  readonly clientId: number;
  readonly positionId: number;
  readonly cap: number | null;
  readonly kind: BuyerCapMovementKind;
  readonly cause: MovementCause;
  readonly at: string;
}

/** A position whose buckets disagree with its ledger, or that has a negative bucket. */
export interface InvariantViolation {
  readonly positionId: number;
  readonly problem: string;
}

/** Which positions one call of the check covers: the next `limit` after `afterPositionId`. */
export interface InvariantWindow {
  readonly afterPositionId: number;
  readonly limit: number;
}

/** The violations found in a window, and where the next window starts (null: the check is done). */
export interface InvariantCheck {
  readonly violations: readonly InvariantViolation[];
  readonly nextAfterPositionId: number | null;
}

/** Reads; every method sees one consistent snapshot when called inside `read()` or `transaction()`. */
export interface StorageReader {
  getClient(id: number): Client | undefined;
  getClientByKey(key: string): StoredClient | undefined;
  getClientByName(name: string): Client | undefined;
  listClients(): readonly Client[];
  findAccessToken(tokenHash: string): AccessToken | undefined;
  /** The token of this hash with its client, in one read (every authenticated request asks). */
  findAccessTokenClient(tokenHash: string): { readonly token: AccessToken; readonly client: Client } | undefined;

  getProduct(sku: string): Product | undefined;
  findProductByVpc(vendorId: string, vpc: string): Product | undefined;

  /** Keyset page of the catalogue after `afterSku` (sku order). */
  listCatalogue(query: CatalogueQuery & { readonly afterSku?: string | undefined; readonly limit: number }): CataloguePage;
  /**
   * The sku `skip` products into the catalogue (0-based), for dialects that page by number: the
   * page then starts its keyset there. Undefined when the catalogue is shorter.
   */
  catalogueSkuAt(query: CatalogueQuery, skip: number): string | undefined;

  getPosition(key: PositionKey): StockPosition | undefined;
  getPositionById(id: number): StockPosition | undefined;
  /** Positions of one sku in any condition and channel. */
  findPositionsBySku(sku: string): readonly StockPosition[];
  listPositions(query: PositionQuery): Page<StockPosition>;
  listMovements(positionId: number, query: KeysetQuery): Page<LedgerMovement>;

  getUnit(lp: string): Unit | undefined;
  listDispositionEvents(lp: string): readonly DispositionEvent[];

  getOrder(id: number): Order | undefined;
  findOrder(clientId: number, clientIdentifier: string): Order | undefined;
  listOrders(query: OrderQuery): Page<Order>;

  getPurchaseOrder(id: number): PurchaseOrder | undefined;
  listPurchaseOrders(query: PurchaseOrderQuery): Page<PurchaseOrder>;

  getShipment(id: number): Shipment | undefined;
  listShipments(query: ShipmentQuery): Page<Shipment>;

  getReservation(clientId: number, positionId: number): Reservation | undefined;
  listReservations(clientId: number): readonly Reservation[];

  getBuyerCap(clientId: number, positionId: number): BuyerCap | undefined;
  /** Caps matching the query in one statement (a list page asks for its positions at once), by client then position. */
  listBuyerCaps(query: BuyerCapQuery): readonly BuyerCap[];
  /** The audited changes of one buyer's caps (optionally of one position), oldest first. */
  listBuyerCapMovements(clientId: number, positionId?: number): readonly BuyerCapMovement[];

  getForwardOrder(clientId: number, identifier: string): ForwardOrder | undefined;
  listForwardOrders(query: ForwardOrderQuery): Page<ForwardOrder>;

  listShipClasses(): readonly ShipClass[];
  listCarriers(): readonly Carrier[];

  /** A vendor's settings row; undefined until the operator first sets one. */
  getVendorSettings(vendorId: string): VendorSettings | undefined;

  getSubscription(id: number): WebhookSubscription | undefined;
  listSubscriptions(clientId?: number): readonly WebhookSubscription[];
  getDelivery(id: number): WebhookDelivery | undefined;
  listDeliveries(query: DeliveryQuery): Page<WebhookDelivery>;
  /** Every recorded HTTP exchange of a delivery, oldest first. */
  listDeliveryAttempts(deliveryId: number): readonly DeliveryAttempt[];
  /** How many deliveries are in each status (every status present, zero when none). */
  countDeliveriesByStatus(): Readonly<Record<DeliveryStatus, number>>;

  counts(): SystemCounts;
  /**
   * Every position equals the sum of its ledger movements and no available quantity is negative;
   * every buyer cap equals the sum of its movements (0 once cleared).
   */
  checkInvariants(): readonly InvariantViolation[];
  /** The same check over one window of positions, so that a long check can yield between windows. */
  checkInvariantWindow(window: InvariantWindow): InvariantCheck;
}

/** Writes; only available inside `transaction()`. */
export interface StorageTx extends StorageReader {
  insertClient(input: NewClient): Client;
  updateClient(
    id: number,
    patch: Partial<Pick<StoredClient, "disabled" | "secretHash" | "key" | "ecreditCents" | "autoConfirm" | "vendorName">>,
    at: string,
  ): void;
  insertAccessToken(input: Omit<AccessToken, "id" | "revokedAt">): AccessToken;
  revokeAccessTokens(clientId: number, at: string): number;

  upsertProduct(product: Product, at: string): void;

  insertPosition(input: NewPosition): StockPosition;
  updatePositionDetails(id: number, patch: { priceCents?: number | null; lot?: LotDetails | null }, at: string): void;
  /**
   * Applies deltas to a position and appends the movement to the ledger, guarded in SQL so that
   * no bucket and no available quantity goes below zero. Answers false (and writes nothing) when
   * the guard refuses.
   */
  applyMovement(movement: NewMovement): boolean;

  insertUnit(unit: NewUnit): Unit;
  updateUnit(lp: string, patch: Partial<Omit<Unit, "lp" | "createdAt" | "updatedAt">>, at: string): void;
  insertDispositionEvent(event: Omit<DispositionEvent, "id">): DispositionEvent;

  /** Inserts the order with its items; the (clientId, clientIdentifier) pair is unique. */
  insertOrder(order: NewOrder): Order;
  updateOrder(
    id: number,
    patch: {
      status?: OrderStatus;
      rejectReason?: string | null;
      priceCents?: number;
      shippingCostCents?: number;
      carrierId?: number | null;
      attributes?: Record<string, unknown>;
    },
    at: string,
  ): void;
  updateOrderItem(
    id: number,
    patch: { status?: OrderItemStatus; quantity?: OrderItem["quantity"]; positionId?: number | null },
    at: string,
  ): void;

  insertPurchaseOrder(input: NewPurchaseOrder): PurchaseOrder;
  updatePurchaseOrder(
    id: number,
    patch: { status?: PurchaseOrderStatus; estimatedShipDate?: string | null },
    at: string,
  ): void;
  updatePurchaseOrderItem(poItemId: number, quantity: PurchaseOrderItem["quantity"], at: string): void;

  insertShipment(input: NewShipment): Shipment;

  setReservation(clientId: number, positionId: number, locked: number, at: string): void;

  /** Sets (or with `cap: null` lifts) a buyer's cap and appends its movement, delta included. */
  setBuyerCap(change: BuyerCapChange): void;

  /** Creates or updates a forward order; items are matched by identifier, never deleted. */
  upsertForwardOrder(input: NewForwardOrder): ForwardOrder;

  upsertShipClass(shipClass: ShipClass): void;
  upsertCarrier(carrier: Carrier): void;

  /** Creates or updates a vendor's settings row. */
  upsertVendorSettings(settings: Omit<VendorSettings, "updatedAt">, at: string): void;

  insertSubscription(input: NewSubscription): WebhookSubscription;
  updateSubscription(id: number, patch: { active?: boolean; url?: string }, at: string): void;
  /**
   * Writes one pending delivery per active subscription to `eventType`; answers how many. With an
   * `audience`, only that client's subscriptions get it: an order's events belong to its buyer.
   */
  enqueueEvent(
    eventType: WebhookEventType,
    payload: Record<string, unknown>,
    at: string,
    audience?: { readonly clientId: number },
  ): number;
  updateDelivery(
    id: number,
    patch: { status: DeliveryStatus; attempts?: number; nextAttemptAt?: string; lastError?: string | null },
    at: string,
  ): void;
  /**
   * Leases up to `limit` deliveries to `owner` and answers them: pending ones due by `now`, and
   * in-flight ones whose lease has expired (their dispatcher died). A live lease is never taken.
   */
  claimDueDeliveries(claim: DeliveryClaim): readonly WebhookDelivery[];
  /** Extends the leases `owner` holds on `ids` to `leaseExpiresAt`; answers how many it still held. */
  renewDeliveryLeases(owner: string, ids: readonly number[], leaseExpiresAt: string): number;
  /** Gives back, unsent, the leases `owner` holds on `ids`: those deliveries are pending and due at `at` again. */
  releaseDeliveries(owner: string, ids: readonly number[], at: string): number;
  /**
   * Writes a send's outcome and releases the lease, only if `owner` still holds it; answers
   * false (and writes nothing) when the lease expired and another dispatcher took the delivery.
   */
  settleDelivery(id: number, owner: string, settlement: DeliverySettlement, at: string): boolean;
  insertDeliveryAttempt(attempt: NewDeliveryAttempt): DeliveryAttempt;
}

/** A point in the commit order, taken with `commitMark()` before a request's first read or write. */
export type CommitMark = number & { readonly __commitMark: true };

/**
 * The storage port the use cases run against.
 *
 * Writes are synchronous but their durability is not: a storage may group the writes of many
 * callers into one commit (group commit), so a use case's writes are visible at once and durable
 * only when the commit that holds them returns. Whoever answers a partner, a tool or a webhook
 * endpoint waits for `durable()` first, after any request that read or wrote the store: a read
 * may have seen another caller's write that is not committed yet.
 */
export interface StoragePort {
  /**
   * Runs `fn` as one atomic unit of writes; any throw rolls back everything it wrote, and only that.
   * Called inside another `transaction`, it is a unit of its own within it (a SAVEPOINT).
   */
  transaction<T>(fn: (tx: StorageTx) => T): T;
  /** Runs `fn` in one read transaction (a consistent snapshot). */
  read<T>(fn: (reader: StorageReader) => T): T;
  /** Where the commit order stands now: `durable(mark)` then covers every write made after it. */
  commitMark(): CommitMark;
  /**
   * Resolves once the commit holding every write made so far (or, with `mark`, every write made
   * since it) has returned; rejects if that commit failed, in which case none of its writes stayed
   * and none may be acknowledged.
   */
  durable(mark?: CommitMark): Promise<void>;
}
