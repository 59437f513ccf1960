import { ForwardOrder } from "@dropgate/core-domain";
import { z } from "zod";
import { ClientRef, resolveClient } from "../client-ref.js";
import { found } from "../domain-failure.js";
import { PageInput, pageOf } from "../paging.js";
import { protectedProcedure, router } from "../trpc.js";

export const forwardOrdersRouter = router({
  search: protectedProcedure
    .input(PageInput.extend({ client: ClientRef.optional() }).default({ limit: 50 }))
    .output(pageOf(ForwardOrder))
    .query(({ ctx, input }) =>
      ctx.store.read((r) => {
        const clientId = input.client === undefined ? undefined : resolveClient(r, input.client).id;
        return r.listForwardOrders({ afterId: input.afterId, limit: input.limit, clientId });
      }),
    ),

  get: protectedProcedure
    .input(z.object({ client: ClientRef, identifier: z.string().min(1) }))
    .output(ForwardOrder)
    .query(({ ctx, input }) =>
      ctx.store.read((r) => {
        const client = resolveClient(r, input.client);
        return found(r.getForwardOrder(client.id, input.identifier), `forward order ${input.identifier}`);
      }),
    ),
});
