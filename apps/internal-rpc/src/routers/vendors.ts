import { UpdateVendorSettingsInput, updateVendorSettings, VendorSettings, vendorSettingsOf } from "@dropgate/core-domain";
import { z } from "zod";
import { unwrap } from "../domain-failure.js";
import { protectedProcedure, router } from "../trpc.js";

/** Per-vendor settings the operator manages, such as RetailOps' "Change POs after submit". */
export const vendorsRouter = router({
  settings: protectedProcedure
    .input(z.object({ vendorId: VendorSettings.shape.vendorId }))
    .output(VendorSettings)
    .query(({ ctx, input }) => ctx.store.read((r) => vendorSettingsOf(r, input.vendorId))),

  updateSettings: protectedProcedure
    .input(UpdateVendorSettingsInput)
    .output(VendorSettings)
    .mutation(({ ctx, input }) => unwrap(updateVendorSettings(ctx, input))),
});
