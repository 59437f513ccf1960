import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import { type Client, ClientScope, Dialect } from "../model/client.js";
import { Cents } from "../model/primitives.js";
import { err, ok, type Result } from "../result.js";
import { generateClientKey, generateSecret, hashSecret, splitApiKey, verifySecret } from "../secrets.js";
import { runInTransaction } from "./transaction.js";
import { validateInput } from "../validation.js";

export const CreateClientInput = z.object({
  name: z.string().min(1).max(128),
  dialect: Dialect,
  scope: ClientScope,
  vendorId: z.string().min(1).max(64).nullish(),
  /** A vendor's name as its feeds send `vendor_name` (RetailOps); vendor clients only. */
  vendorName: z.string().trim().min(1).max(128).nullish(),
  ecreditCents: Cents.optional(),
  autoConfirm: z.boolean().optional(),
});
export type CreateClientInput = z.input<typeof CreateClientInput>;

/** A client with the one-time copy of its secret. */
export interface IssuedCredentials {
  readonly client: Client;
  readonly key: string;
  readonly secret: string;
}

/** Default OAuth token lifetime: 25 hours, as Optoro's token endpoint answers (`expires_in: 90000`). */
export const DEFAULT_TOKEN_TTL_SECONDS = 90_000;

/** Creates a partner credential; the secret is returned once and only its hash is stored. */
export function createClient(ctx: UseCaseContext, raw: CreateClientInput): Result<IssuedCredentials> {
  const valid = validateInput(CreateClientInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  if (input.scope === "vendor" && !input.vendorId) {
    return err("VALIDATION", "A vendor client needs a vendorId", { field: "vendorId" });
  }
  if (input.vendorName && input.scope !== "vendor") {
    return err("VALIDATION", "Only a vendor client has a vendor name", { field: "vendorName" });
  }
  return runInTransaction(ctx, (tx, at) => {
    if (tx.getClientByName(input.name)) {
      return err("CONFLICT", `A client named ${input.name} already exists`, { field: "name" });
    }
    const key = generateClientKey(input.dialect);
    const secret = generateSecret();
    const client = tx.insertClient({
      name: input.name,
      dialect: input.dialect,
      scope: input.scope,
      vendorId: input.vendorId ?? null,
      vendorName: input.vendorName?.trim() || null,
      key,
      secretHash: hashSecret(secret),
      ecreditCents: input.ecreditCents ?? 0,
      autoConfirm: input.autoConfirm ?? false,
      at,
    });
    return ok({ client, key, secret });
  });
}

/** Issues a new secret; the old one and every token issued with it stop working. */
export function rotateClientSecret(ctx: UseCaseContext, clientId: number): Result<IssuedCredentials> {
  return runInTransaction(ctx, (tx, at) => {
    const client = tx.getClient(clientId);
    if (!client) return err("NOT_FOUND", `Client ${clientId} not found`, { field: "clientId" });
    const secret = generateSecret();
    tx.updateClient(clientId, { secretHash: hashSecret(secret) }, at);
    tx.revokeAccessTokens(clientId, at);
    return ok({ client: tx.getClient(clientId)!, key: client.key, secret });
  });
}

/** Disables or re-enables a client; a disabled client's tokens are revoked. */
export function setClientDisabled(ctx: UseCaseContext, clientId: number, disabled: boolean): Result<Client> {
  return runInTransaction(ctx, (tx, at) => {
    if (!tx.getClient(clientId)) return err("NOT_FOUND", `Client ${clientId} not found`, { field: "clientId" });
    tx.updateClient(clientId, { disabled }, at);
    if (disabled) tx.revokeAccessTokens(clientId, at);
    return ok(tx.getClient(clientId)!);
  });
}

export const BuyerSettingsInput = z.object({ ecreditCents: Cents.optional(), autoConfirm: z.boolean().optional() });
export type BuyerSettingsInput = z.input<typeof BuyerSettingsInput>;

/** Sets a buyer's ecredit and auto-confirmation (Rewix autoConfirm rules). */
export function updateBuyerSettings(ctx: UseCaseContext, clientId: number, raw: BuyerSettingsInput): Result<Client> {
  const valid = validateInput(BuyerSettingsInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  return runInTransaction(ctx, (tx, at) => {
    const client = tx.getClient(clientId);
    if (!client) return err("NOT_FOUND", `Client ${clientId} not found`, { field: "clientId" });
    if (client.scope !== "buyer") return err("VALIDATION", "Only buyers have ecredit and auto-confirmation", { field: "clientId" });
    tx.updateClient(
      clientId,
      {
        ...(input.ecreditCents === undefined ? {} : { ecreditCents: input.ecreditCents }),
        ...(input.autoConfirm === undefined ? {} : { autoConfirm: input.autoConfirm }),
      },
      at,
    );
    return ok(tx.getClient(clientId)!);
  });
}

const INVALID_CREDENTIALS = "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.";

/** Verifies a key and secret in constant time; unknown, wrong and disabled all look alike. */
export function authenticateClient(ctx: UseCaseContext, key: string, secret: string): Result<Client> {
  const stored = ctx.store.read((r) => r.getClientByKey(key));
  // Hash even when the key is unknown so the answer takes the same time either way.
  const matches = verifySecret(secret, stored?.secretHash ?? "0".repeat(64));
  if (!stored || !matches || stored.disabled) return err("UNAUTHORIZED", INVALID_CREDENTIALS);
  const { secretHash: _hidden, ...client } = stored;
  return ok(client);
}

/** Verifies a one-string apikey (`key.secret`); malformed, unknown, wrong and disabled all look alike. */
export function authenticateApiKey(ctx: UseCaseContext, apiKey: string): Result<Client> {
  const parts = splitApiKey(apiKey);
  return authenticateClient(ctx, parts?.key ?? "", parts?.secret ?? "");
}

export interface IssuedToken {
  readonly accessToken: string;
  readonly client: Client;
  readonly expiresIn: number;
  readonly scope: string;
  /** Epoch seconds, as OAuth token responses carry it. */
  readonly createdAt: number;
}

/** OAuth client-credentials grant: verifies the client and stores only the token's hash. */
export function issueAccessToken(
  ctx: UseCaseContext,
  input: { key: string; secret: string; ttlSeconds?: number; scope?: string },
): Result<IssuedToken> {
  const authenticated = authenticateClient(ctx, input.key, input.secret);
  if (!authenticated.ok) return authenticated;
  const client = authenticated.value;
  const ttl = input.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  const scope = input.scope ?? "read write";
  const accessToken = generateSecret();
  return runInTransaction(ctx, (tx, at) => {
    const created = new Date(at);
    tx.insertAccessToken({
      clientId: client.id,
      tokenHash: hashSecret(accessToken),
      scope,
      createdAt: at,
      expiresAt: new Date(created.getTime() + ttl * 1000).toISOString(),
    });
    return ok({ accessToken, client, expiresIn: ttl, scope, createdAt: Math.floor(created.getTime() / 1000) });
  });
}

/** Resolves a bearer token to its client; unknown, expired, revoked or disabled → UNAUTHORIZED. */
export function verifyAccessToken(ctx: UseCaseContext, token: string): Result<Client> {
  const now = ctx.now().toISOString();
  const found = ctx.store.read((r) => r.findAccessTokenClient(hashSecret(token)));
  if (!found) return err("UNAUTHORIZED", "Invalid access token");
  const { token: stored, client } = found;
  if (stored.revokedAt !== null) return err("UNAUTHORIZED", "Access token revoked");
  if (stored.expiresAt <= now) return err("UNAUTHORIZED", "Access token expired");
  if (client.disabled) return err("UNAUTHORIZED", "Client disabled");
  return ok(client);
}
