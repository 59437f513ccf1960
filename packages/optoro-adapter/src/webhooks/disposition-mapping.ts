import type { DispositionEvent } from "@dropgate/core-domain";
import { omitNull } from "../mapping/omit-null.js";
import type { DispositionPayload } from "./disposition-payload.js";

/** An instant as the Disposition Update `timestamp`: UTC, to the second, without a zone (`2018-03-20T00:00:00`). */
export function toDispositionTimestamp(at: string): string {
  return new Date(at).toISOString().slice(0, 19);
}

/** Maps a core disposition event (the outbox payload written by `moveUnit`) to Optoro's Disposition Update payload. */
export function toDispositionPayload(event: DispositionEvent): DispositionPayload {
  return omitNull({
    from_disposition: event.fromDisposition,
    to_disposition: event.toDisposition,
    timestamp: toDispositionTimestamp(event.at),
    location_identifier: event.location,
    warehouse_identifier: event.warehouse,
    optiturn_lp: event.lp,
    program_identifier: event.program,
    from_sku: event.fromSku,
    to_sku: event.toSku,
    // Deprecated ("use from_sku and to_sku"), still sent for receivers built against it: the
    // sku the unit has now, which the spec's example shows equal to both when it did not change.
    sku: event.toSku,
    upc: event.upc,
    from_condition: event.fromCondition,
    to_condition: event.toCondition,
    reference_unit_identifier: event.referenceUnitIdentifier,
    store_identifier: event.storeIdentifier,
    user_login: event.userLogin,
  });
}
