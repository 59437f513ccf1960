import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import { defaultVendorSettings, VendorSettings } from "../model/vendor.js";
import type { StorageReader } from "../port.js";
import { ok, type Result } from "../result.js";
import { runInTransaction } from "./transaction.js";

/** A vendor's settings, the defaults when the operator never set any. */
export function vendorSettingsOf(reader: StorageReader, vendorId: string): VendorSettings {
  return reader.getVendorSettings(vendorId) ?? defaultVendorSettings(vendorId);
}

export const UpdateVendorSettingsInput = VendorSettings.pick({ vendorId: true }).extend({
  changePosAfterSubmit: z.boolean().optional(),
});
export type UpdateVendorSettingsInput = z.input<typeof UpdateVendorSettingsInput>;

/** Changes a vendor's settings (operator only); settings left out keep their value. */
export function updateVendorSettings(ctx: UseCaseContext, input: UpdateVendorSettingsInput): Result<VendorSettings> {
  return runInTransaction(ctx, (tx, at) => {
    const current = vendorSettingsOf(tx, input.vendorId);
    tx.upsertVendorSettings(
      { vendorId: input.vendorId, changePosAfterSubmit: input.changePosAfterSubmit ?? current.changePosAfterSubmit },
      at,
    );
    return ok(vendorSettingsOf(tx, input.vendorId));
  });
}
