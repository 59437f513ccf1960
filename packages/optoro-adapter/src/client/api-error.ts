/** A non-success answer from Optoro (or Dropgate's Optoro dialect), with its status and parsed body. */
export class OptoroApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly method: string,
    readonly url: string,
  ) {
    super(`${method} ${url} answered ${status}${describeBody(body)}`);
    this.name = "OptoroApiError";
  }
}

function describeBody(body: unknown): string {
  if (typeof body !== "object" || body === null) return "";
  const record = body as Record<string, unknown>;
  const text = [record.message, record.reason, record.error_description, record.error].find((v) => typeof v === "string");
  return typeof text === "string" ? `: ${text}` : "";
}
