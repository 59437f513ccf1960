import { BuyerSettingsInput, Client, updateBuyerSettings } from "@dropgate/core-domain";
import { z } from "zod";
import { ClientRef, resolveClient } from "../client-ref.js";
import { unwrap } from "../domain-failure.js";
import { protectedProcedure, router } from "../trpc.js";

const BuyerSettings = Client.pick({ id: true, name: true, ecreditCents: true, autoConfirm: true });

/** A buyer's ecredit and auto-confirmation, which decide whether its orders confirm by themselves. */
export const settingsRouter = router({
  get: protectedProcedure
    .input(z.object({ client: ClientRef }))
    .output(BuyerSettings)
    .query(({ ctx, input }) => ctx.store.read((r) => resolveClient(r, input.client))),

  update: protectedProcedure
    .input(BuyerSettingsInput.extend({ client: ClientRef }))
    .output(BuyerSettings)
    .mutation(({ ctx, input }) => {
      const { client: ref, ...settings } = input;
      const client = ctx.store.read((r) => resolveClient(r, ref));
      return unwrap(updateBuyerSettings(ctx, client.id, settings));
    }),
});
