import type { z } from "zod";
import { successEnvelope } from "../wire/envelope.js";
import { WireAdviceOutcome, WireCarrierClass, WireCompletion, WirePoOutcome, WirePurchaseOrder } from "../wire/records.js";
import type { AdviceRecord, CompleteRequest, EstShipDateRecord, PoAckRecord, PoFetchRequest } from "../wire/requests.js";
import { RetailOpsApiError } from "./api-error.js";

export interface RetailOpsClientOptions {
  /** `https://api.retailops.com`, or Dropgate's `http://127.0.0.1:8080/retailops`. */
  readonly baseUrl: string;
  /** The whole apikey, sent in the `apikey` header. */
  readonly apikey: string;
  readonly fetch?: typeof fetch;
  /** Check answers against the wire schemas (off by default, to read the real service tolerantly). */
  readonly validateResponses?: boolean;
}

const AdviceAnswer = successEnvelope(WireAdviceOutcome);
const FetchAnswer = successEnvelope(WirePurchaseOrder).extend({ total: WirePurchaseOrder.shape.id.optional() });
const PoOutcomeAnswer = successEnvelope(WirePoOutcome);
const CompletionAnswer = successEnvelope(WireCompletion);
const CarrierClassAnswer = successEnvelope(WireCarrierClass);

/**
 * The vendor's side of a RetailOps drop-ship integration, one method per call of the guide.
 * Every call is a POST of JSON to the action's versioned path; an answer with `success: 0`
 * throws `RetailOpsApiError` with its ERRORCODE.
 */
export class RetailOpsClient {
  readonly #baseUrl: string;
  readonly #apikey: string;
  readonly #fetch: typeof fetch;
  readonly #validate: boolean;

  constructor(options: RetailOpsClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.#apikey = options.apikey;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#validate = options.validateResponses ?? false;
  }

  /** Product.ExternalSku.Update~2: inventory advice, at most 1000 records per call. */
  updateExternalSkus(records: readonly z.input<typeof AdviceRecord>[], options: { detailed?: boolean } = {}) {
    return this.#call("/product/externalsku/update~2.json", { records, with_detailed_response: options.detailed ? 1 : 0 }, AdviceAnswer);
  }

  /** Vendor.PO.fetch: one page of POs. */
  fetchPurchaseOrders(params: z.input<typeof PoFetchRequest> = {}) {
    return this.#call("/vendor/po/fetch~1.json", params, FetchAnswer);
  }

  /**
   * Every PO matching `params`, page by page from `start`. The next page starts after the rows
   * this one held, not after `limit`: the server caps a page (at 1000), so a larger `limit`
   * must not skip what it did not send. Paging ends at an empty page or at the answer's `total`.
   */
  async *purchaseOrders(params: Omit<z.input<typeof PoFetchRequest>, "start"> & { start?: number } = {}): AsyncGenerator<z.infer<typeof WirePurchaseOrder>> {
    const limit = Number(params.limit ?? 100);
    for (let start = params.start ?? 0; ; ) {
      const page = await this.fetchPurchaseOrders({ ...params, start, limit });
      yield* page.records;
      start += page.records.length;
      const total = page.total === undefined ? undefined : Number(page.total);
      if (page.records.length === 0 || (total !== undefined && start >= total)) return;
    }
  }

  /** Vendor.PO.MarkSubmitted, at most 1000 POs. */
  markSubmitted(records: readonly z.input<typeof PoAckRecord>[]) {
    return this.#call("/vendor/po/marksubmitted~1.json", { records }, PoOutcomeAnswer);
  }

  /** Vendor.PO.MarkAccepted, at most 1000 POs. */
  markAccepted(records: readonly z.input<typeof PoAckRecord>[]) {
    return this.#call("/vendor/po/markaccepted~1.json", { records }, PoOutcomeAnswer);
  }

  /** Vendor.PO.UpdateEstShipDate, at most 1000 POs. */
  updateEstimatedShipDate(records: readonly z.input<typeof EstShipDateRecord>[]) {
    return this.#call("/vendor/po/updateestshipdate~1.json", { records }, PoOutcomeAnswer);
  }

  /** Vendor.PO.Complete: a PO's packages with tracking numbers and contents. */
  complete(body: z.input<typeof CompleteRequest>) {
    return this.#call("/vendor/po/complete~1.json", body, CompletionAnswer);
  }

  /** Constant.Ship.CarrierClass.fetch: the ship_class_id values packages may name. */
  carrierClasses() {
    return this.#call("/constant/ship/carrierclass/fetch~1.json", { all: 1 }, CarrierClassAnswer);
  }

  async #call<S extends z.ZodType>(path: string, body: unknown, answer: S): Promise<z.infer<S>> {
    const response = await this.#fetch(`${this.#baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", apikey: this.#apikey },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch {
      throw new RetailOpsApiError(`HTTP_${response.status}`, `Unreadable answer (HTTP ${response.status}): ${text.slice(0, 200)}`, response.status, text);
    }
    const envelope = (parsed ?? {}) as { success?: unknown; ERROR?: unknown; ERRORCODE?: unknown };
    if (!response.ok || Number(envelope.success) !== 1) {
      const code = typeof envelope.ERRORCODE === "string" ? envelope.ERRORCODE : `HTTP_${response.status}`;
      const message = typeof envelope.ERROR === "string" ? envelope.ERROR : `HTTP ${response.status}`;
      throw new RetailOpsApiError(code, message, response.status, parsed);
    }
    return (this.#validate ? answer.parse(parsed) : parsed) as z.infer<S>;
  }
}
