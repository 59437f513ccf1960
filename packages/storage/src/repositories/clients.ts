import type { AccessToken, Client, NewClient, StorageTx, StoredClient } from "@dropgate/core-domain";
import type { Selectable, Updateable } from "kysely";
import type { AccessTokensTable, ClientsTable } from "../schema/database.js";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, insertReturning, queryBuilder, StatementShapes } from "../sql/statement.js";
import { definedOnly, expectOneRow, fromFlag, pickColumns, toFlag } from "./codec.js";

type ClientRow = Selectable<ClientsTable>;
type TokenRow = Selectable<AccessTokensTable>;

function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    name: row.name,
    dialect: row.dialect,
    scope: row.scope,
    vendorId: row.vendor_id,
    vendorName: row.vendor_name,
    key: row.key,
    disabled: fromFlag(row.disabled),
    ecreditCents: row.ecredit_cents,
    autoConfirm: fromFlag(row.auto_confirm),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toStoredClient(row: ClientRow): StoredClient {
  return { ...toClient(row), secretHash: row.secret_hash };
}

function toAccessToken(row: TokenRow): AccessToken {
  return {
    id: row.id,
    clientId: row.client_id,
    tokenHash: row.token_hash,
    scope: row.scope,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

const clients = queryBuilder.selectFrom("clients").selectAll();
const selectById = compileStatement((p: { id: number }) => clients.where("id", "=", p.id));
const selectByKey = compileStatement((p: { key: string }) => clients.where("key", "=", p.key));
const selectByName = compileStatement((p: { name: string }) => clients.where("name", "=", p.name));
const selectAll = compileStatement((_: object) => clients.orderBy("id"));

const insertClientRow = insertReturning("clients");

type ClientPatch = Pick<Updateable<ClientsTable>, "disabled" | "secret_hash" | "key" | "ecredit_cents" | "auto_confirm" | "vendor_name">;
const updateClient = new StatementShapes((columns) =>
  compileStatement((p: Required<ClientPatch> & { id: number; updated_at: string }) =>
    queryBuilder
      .updateTable("clients")
      .set({ ...pickColumns(p, columns), updated_at: p.updated_at })
      .where("id", "=", p.id),
  ),
);

const selectToken = compileStatement((p: { tokenHash: string }) =>
  queryBuilder.selectFrom("access_tokens").selectAll().where("token_hash", "=", p.tokenHash),
);
// The client's columns as they are, the token's under a prefix: one lookup per authenticated request.
const selectTokenClient = compileStatement((p: { tokenHash: string }) =>
  queryBuilder
    .selectFrom("access_tokens as t")
    .innerJoin("clients as c", "c.id", "t.client_id")
    .selectAll("c")
    .select(["t.id as token_id", "t.scope as token_scope", "t.created_at as token_created_at", "t.expires_at as token_expires_at", "t.revoked_at as token_revoked_at"])
    .where("t.token_hash", "=", p.tokenHash),
);
const insertTokenRow = insertReturning("access_tokens");
const revokeTokens = compileStatement((p: { clientId: number; at: string }) =>
  queryBuilder
    .updateTable("access_tokens")
    .set({ revoked_at: p.at })
    .where("client_id", "=", p.clientId)
    .where("revoked_at", "is", null),
);

type ClientMethods = Pick<
  StorageTx,
  | "getClient"
  | "getClientByKey"
  | "getClientByName"
  | "listClients"
  | "findAccessToken"
  | "findAccessTokenClient"
  | "insertClient"
  | "updateClient"
  | "insertAccessToken"
  | "revokeAccessTokens"
>;

/** Clients (partner credentials) and their OAuth access tokens. */
export function clientRepository(sql: PreparedStatements): ClientMethods {
  return {
    getClient(id) {
      const row = sql.get(selectById, { id });
      return row && toClient(row);
    },
    getClientByKey(key) {
      const row = sql.get(selectByKey, { key });
      return row && toStoredClient(row);
    },
    getClientByName(name) {
      const row = sql.get(selectByName, { name });
      return row && toClient(row);
    },
    listClients() {
      return sql.all(selectAll, {}).map(toClient);
    },
    findAccessToken(tokenHash) {
      const row = sql.get(selectToken, { tokenHash });
      return row && toAccessToken(row);
    },
    findAccessTokenClient(tokenHash) {
      const row = sql.get(selectTokenClient, { tokenHash });
      if (row === undefined) return undefined;
      const token = toAccessToken({
        id: row.token_id,
        client_id: row.id,
        token_hash: tokenHash,
        scope: row.token_scope,
        created_at: row.token_created_at,
        expires_at: row.token_expires_at,
        revoked_at: row.token_revoked_at,
      });
      return { token, client: toClient(row) };
    },
    insertClient(input: NewClient) {
      // RETURNING hands back the stored row, read through the same mapper as every select.
      const row = insertClientRow(sql, {
        name: input.name,
        dialect: input.dialect,
        scope: input.scope,
        vendor_id: input.vendorId,
        vendor_name: input.vendorName ?? null,
        key: input.key,
        secret_hash: input.secretHash,
        disabled: 0,
        ecredit_cents: input.ecreditCents,
        auto_confirm: toFlag(input.autoConfirm),
        created_at: input.at,
        updated_at: input.at,
      });
      return toClient(row);
    },
    updateClient(id, patch, at) {
      const columns = definedOnly<ClientPatch>({
        disabled: patch.disabled === undefined ? undefined : toFlag(patch.disabled),
        secret_hash: patch.secretHash,
        key: patch.key,
        ecredit_cents: patch.ecreditCents,
        auto_confirm: patch.autoConfirm === undefined ? undefined : toFlag(patch.autoConfirm),
        vendor_name: patch.vendorName,
      });
      const { changes } = sql.run(updateClient.for(Object.keys(columns)), {
        ...(columns as Required<ClientPatch>),
        id,
        updated_at: at,
      });
      expectOneRow(changes, "client", id);
    },
    insertAccessToken(input) {
      const row = insertTokenRow(sql, {
        client_id: input.clientId,
        token_hash: input.tokenHash,
        scope: input.scope,
        created_at: input.createdAt,
        expires_at: input.expiresAt,
      });
      return toAccessToken(row);
    },
    revokeAccessTokens(clientId, at) {
      return sql.run(revokeTokens, { clientId, at }).changes;
    },
  };
}
