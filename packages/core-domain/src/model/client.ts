import { z } from "zod";
import { Cents, Id, Timestamp } from "./primitives.js";

export const Dialect = z.enum(["optoro", "rewix", "retailops", "internal"]);
export type Dialect = z.infer<typeof Dialect>;

/** What a client may do: order as a buyer, act as a vendor, send forward orders, receive webhooks. */
export const ClientScope = z.enum(["buyer", "vendor", "forward_order_sender", "webhook_receiver"]);
export type ClientScope = z.infer<typeof ClientScope>;

/** A partner credential. The secret itself is never stored, only its hash. */
export const Client = z.object({
  id: Id,
  name: z.string().min(1).max(128),
  dialect: Dialect,
  scope: ClientScope,
  vendorId: z.string().min(1).max(64).nullable(),
  /** A vendor's operator-managed name, as RetailOps feeds name it (`vendor_name`); matched ignoring case. */
  vendorName: z.string().min(1).max(128).nullable(),
  key: z.string().min(1),
  disabled: z.boolean(),
  /** Rewix: money the buyer holds with us, used by auto-confirmation. */
  ecreditCents: Cents,
  /** Rewix: the buyer asked for orders to be confirmed without payment checks. */
  autoConfirm: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Client = z.infer<typeof Client>;

/** A client row as storage holds it, with the secret's hash for verification. */
export type StoredClient = Client & { readonly secretHash: string };

/** An OAuth bearer token as stored: only its hash. */
export const AccessToken = z.object({
  id: Id,
  clientId: Id,
  tokenHash: z.string(),
  scope: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  revokedAt: Timestamp.nullable(),
});
export type AccessToken = z.infer<typeof AccessToken>;
