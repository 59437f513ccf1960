/** A Rewix error answer: the status, the message and the field it names. */
export class GhostApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field: string | undefined,
    readonly body: string,
  ) {
    super(`Rewix answered ${status}: ${message}`);
    this.name = "GhostApiError";
  }
}
