/** A RetailOps answer that is not a success: `success: 0` with its ERRORCODE, or a non-2xx status. */
export class RetailOpsApiError extends Error {
  constructor(
    /** ERRORCODE, or `HTTP_<status>` when the body carried none. */
    readonly code: string,
    message: string,
    readonly status: number,
    /** The parsed body (records of a partly applied batch are in `body.records`). */
    readonly body: unknown,
  ) {
    super(message);
    this.name = "RetailOpsApiError";
  }
}
