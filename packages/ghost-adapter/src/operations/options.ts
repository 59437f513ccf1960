/** What the Rewix operations need from the gateway's configuration. */
export interface GhostOptions {
  /** The channel whose stock resellers see and order; the drop-ship default. */
  readonly channel: string;
  /** Currency written beside every catalogue price. */
  readonly currency: string;
}
