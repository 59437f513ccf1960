import {
  Client,
  ClientScope,
  CreateClientInput,
  Dialect,
  createClient,
  rotateClientSecret,
  setClientDisabled,
} from "@dropgate/core-domain";
import { z } from "zod";
import { ClientRef, resolveClient } from "../client-ref.js";
import { unwrap } from "../domain-failure.js";
import { protectedProcedure, router } from "../trpc.js";

/** A client with the only copy of its secret; Dropgate keeps just the hash. */
export const IssuedCredentials = z.object({ client: Client, key: z.string(), secret: z.string() });

export const clientsRouter = router({
  list: protectedProcedure
    .input(z.object({ dialect: Dialect.optional(), scope: ClientScope.optional() }).default({}))
    .output(z.array(Client).readonly())
    .query(({ ctx, input }) =>
      ctx.store
        .read((r) => r.listClients())
        .filter((c) => (input.dialect === undefined || c.dialect === input.dialect) && (input.scope === undefined || c.scope === input.scope)),
    ),

  get: protectedProcedure
    .input(z.object({ client: ClientRef }))
    .output(Client)
    .query(({ ctx, input }) => ctx.store.read((r) => resolveClient(r, input.client))),

  create: protectedProcedure
    .input(CreateClientInput)
    .output(IssuedCredentials)
    .mutation(({ ctx, input }) => unwrap(createClient(ctx, input))),

  rotateSecret: protectedProcedure
    .input(z.object({ client: ClientRef }))
    .output(IssuedCredentials)
    .mutation(({ ctx, input }) => {
      const client = ctx.store.read((r) => resolveClient(r, input.client));
      return unwrap(rotateClientSecret(ctx, client.id));
    }),

  setDisabled: protectedProcedure
    .input(z.object({ client: ClientRef, disabled: z.boolean() }))
    .output(Client)
    .mutation(({ ctx, input }) => {
      const client = ctx.store.read((r) => resolveClient(r, input.client));
      return unwrap(setClientDisabled(ctx, client.id, input.disabled));
    }),
});
