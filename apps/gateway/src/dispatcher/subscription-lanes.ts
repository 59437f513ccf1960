/** A claimed delivery as the lanes see it. */
interface Held {
  readonly id: number;
  readonly subscriptionId: number;
}

interface Waiting {
  readonly delivery: Held;
  readonly start: () => void;
  readonly cancel: () => void;
}

interface Lane {
  readonly sending: Set<number>;
  readonly waiting: Waiting[];
}

/** Per-subscription lanes of sends: at most `perLane` of one subscription at once, the rest queued. */
export interface SubscriptionLanes {
  /** Deliveries held, sending or waiting. */
  held(): number;
  /** Ids of every delivery held (their leases are renewed). */
  ids(): number[];
  /** Subscriptions that have no free slot, so a claim should leave them out. */
  full(): number[];
  /** Runs `send` in the delivery's lane, at once or when a slot frees; resolves when it ran or was released. */
  run(delivery: Held, send: () => Promise<void>): Promise<void>;
  /** Takes every delivery still waiting out of its lane (never started) and answers their ids. */
  drainWaiting(): number[];
  /** Resolves once no send is running. */
  settled(): Promise<void>;
}

/**
 * Creates the lanes. The isolation promise rests here: a subscription whose endpoint hangs keeps
 * at most `perLane` sends busy, and nothing outside its lane ever waits for them.
 */
export function createSubscriptionLanes(perLane: number): SubscriptionLanes {
  const lanes = new Map<number, Lane>();
  const running = new Set<Promise<void>>();

  const laneOf = (subscriptionId: number): Lane => {
    let lane = lanes.get(subscriptionId);
    if (!lane) {
      lane = { sending: new Set(), waiting: [] };
      lanes.set(subscriptionId, lane);
    }
    return lane;
  };
  const forget = (subscriptionId: number, lane: Lane): void => {
    if (lane.sending.size === 0 && lane.waiting.length === 0) lanes.delete(subscriptionId);
  };

  const begin = (lane: Lane, delivery: Held, send: () => Promise<void>, done: () => void): void => {
    lane.sending.add(delivery.id);
    const sending = send().finally(() => {
      lane.sending.delete(delivery.id);
      running.delete(sending);
      lane.waiting.shift()?.start();
      forget(delivery.subscriptionId, lane);
      done();
    });
    running.add(sending);
  };

  return {
    held: () => [...lanes.values()].reduce((sum, lane) => sum + lane.sending.size + lane.waiting.length, 0),
    ids: () => [...lanes.values()].flatMap((lane) => [...lane.sending, ...lane.waiting.map((w) => w.delivery.id)]),
    full: () =>
      [...lanes.entries()].filter(([, lane]) => lane.sending.size + lane.waiting.length >= perLane).map(([subscriptionId]) => subscriptionId),
    run(delivery, send) {
      const lane = laneOf(delivery.subscriptionId);
      return new Promise<void>((resolve) => {
        if (lane.sending.size < perLane) begin(lane, delivery, send, resolve);
        else lane.waiting.push({ delivery, start: () => begin(lane, delivery, send, resolve), cancel: resolve });
      });
    },
    drainWaiting() {
      const ids: number[] = [];
      for (const [subscriptionId, lane] of lanes) {
        for (const waiting of lane.waiting.splice(0)) {
          ids.push(waiting.delivery.id);
          waiting.cancel();
        }
        forget(subscriptionId, lane);
      }
      return ids;
    },
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
