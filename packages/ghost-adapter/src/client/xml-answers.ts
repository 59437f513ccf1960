import { z } from "zod";
import { CatalogueModel, CataloguePageBody, CatalogueProduct } from "../wire/catalogue.js";
import { CarrierBody } from "../wire/carriers.js";
import { OrderStatusEntry } from "../wire/order-status.js";
import { WireInt, WireText } from "../wire/primitives.js";
import { ReservationModelBody } from "../wire/reservation.js";

/*
 * XML carries every value as text, so the client reads XML answers through schemas that take the
 * numbers as text and answer the same types as the JSON answers (the answer schemas themselves
 * are strict, as the server writes them).
 */

const Decimal = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);
const NullableInt = z.union([WireInt, z.null()]);
const NullableText = z.union([WireText, z.null()]);
/** An element the server wrote empty for null (`<barcode/>`). */
const EmptyAsNull = z
  .union([WireText, z.null()])
  .optional()
  .transform((v) => (v === undefined || v === "" ? null : v));

export const ReservationXmlAnswer = z.object({
  order_id: WireInt,
  models: z.array(ReservationModelBody.extend({ stock_id: WireInt, locked: WireInt, available: WireInt })),
});

export const OrderStatusXmlAnswer = z.object({
  orders: z.array(
    OrderStatusEntry.extend({
      order_id: WireInt,
      ext_ref: WireText,
      status: WireInt,
      substatus: NullableInt,
      parsedDate: WireText,
      tracking_code: NullableText,
      tracking_url: NullableText,
      carrier_name: NullableText,
    }),
  ),
});

export const CarriersXmlAnswer = z.array(CarrierBody.extend({ id: WireInt, cost: Decimal }));

const prices = { streetPrice: Decimal, suggestedPrice: Decimal, taxable: Decimal, bestTaxable: Decimal, availability: WireInt, id: WireInt };
export const CatalogueXmlAnswer = CataloguePageBody.extend({
  totalItems: WireInt,
  totalPages: WireInt,
  currentPage: WireInt,
  pageSize: WireInt,
  pageItems: z.array(
    CatalogueProduct.extend({
      ...prices,
      brand: EmptyAsNull,
      models: z.array(
        CatalogueModel.extend({
          ...prices,
          barcode: EmptyAsNull,
          color: EmptyAsNull,
          size: EmptyAsNull,
        }),
      ),
    }),
  ),
});
