// A catch-up subscription for adapters whose readAll is gap-free: read a batch after the last
// position handed out, hand it over, repeat; sleep briefly when caught up. A partial batch
// means the reader has caught up too, so it also sleeps: under a steady stream of appends the
// handler then gets one batch per pause instead of a batch of a few events per round trip,
// which costs a handler with a transaction per batch far less (lag grows by at most the pause).
import type { BatchHandler, EventStore, SubscribeOptions, Subscription } from './event-store.port';

export function pollingSubscription(
  store: Pick<EventStore, 'readAll'>,
  after: bigint | null,
  handler: BatchHandler,
  { batchSize = 1000, idleDelayMs = 50 }: SubscribeOptions = {},
): Subscription {
  let stopped = false;
  let wake: (() => void) | null = null;
  const loop = async () => {
    let checkpoint = after;
    while (!stopped) {
      const batch = await store.readAll(checkpoint, batchSize);
      if (batch.length > 0) {
        await handler(batch);
        checkpoint = batch[batch.length - 1].position;
        if (batch.length === batchSize) continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, idleDelayMs);
      });
      wake = null;
    }
  };
  const done = loop();
  return {
    done,
    stop: async () => {
      stopped = true;
      (wake as (() => void) | null)?.();
      await done.catch(() => undefined);
    },
  };
}
