import { successEnvelope } from "../wire/envelope.js";
import { WireCarrierClass } from "../wire/records.js";
import { CarrierClassRequest } from "../wire/requests.js";
import { defineAction } from "./action.js";
import { success } from "./answers.js";

/** Constant.Ship.CarrierClass.fetch: the ship classes a package's `ship_class_id` names (guide §4). */
export const carrierClassFetch = defineAction({
  name: "Constant.Ship.CarrierClass.fetch",
  version: 1,
  documentedPath: "/Constant/Ship/CarrierClass/fetch.json",
  summary: "The carrier classes (ship_class_id) packages may name",
  description: "Every carrier class, `{id, name, carrier}`; `all` is accepted (Dropgate has no inactive classes).",
  request: CarrierClassRequest,
  example: { all: 1 },
  response: successEnvelope(WireCarrierClass),
  handle(_body, _vendor, ctx) {
    const classes = ctx.store.read((r) => r.listShipClasses());
    return success(classes.map((c) => ({ id: c.id, name: c.name, carrier: c.carrier })));
  },
});
