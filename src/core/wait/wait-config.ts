/** How waits are estimated and shown, and when the visitor is offered the async inbox. */
export interface WaitConfig {
  /** Ascending upper bounds, in seconds, of the "under N minutes" buckets, e.g. [60, 120]. */
  readonly bucketsSeconds: readonly number[];
  /** An estimate above this offers the visitor a choice: keep waiting or leave a message. */
  readonly asyncOfferAboveSeconds: number;
  /** Handle time assumed when there are no recent handle times to average. */
  readonly defaultHandleSeconds: number;
}

export const DEFAULT_WAIT_CONFIG: WaitConfig = {
  bucketsSeconds: [60, 120],
  asyncOfferAboveSeconds: 300,
  defaultHandleSeconds: 240,
};
