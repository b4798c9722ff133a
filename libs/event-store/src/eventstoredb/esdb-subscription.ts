// The port's subscription on an EventStoreDB catch-up subscription to $all. The server pushes
// events (system events already filtered out on the server); they are buffered and handed to the
// handler in batches of what has arrived, at most `batchSize`, pausing the feed while the buffer
// is full. When the feed fails with a transient error (connection lost, server restarted, leader
// changed) it is re-opened strictly after the last position handed to the handler, so nothing is
// skipped and nothing is handed twice. Events still buffered when the feed failed are handed over
// first; they are valid, and the checkpoint moves past them.
import type { BatchHandler, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { isTransient, type EsdbConnection, type LiveFeed } from './esdb-connection';
import { isSystemEvent, toRecorded } from './event-mapping';

const MIN_RETRY_MS = 50;
const MAX_RETRY_MS = 5000;

export class EsdbSubscription implements Subscription {
  readonly done: Promise<void>;
  private checkpoint: bigint | null;
  private stopped = false;
  private feed: LiveFeed | null = null;
  /** Ends the current wait (an open feed or a retry delay) when stopping. */
  private interrupt: (() => void) | null = null;
  private readonly batchSize: number;

  constructor(
    private readonly connection: EsdbConnection,
    after: bigint | null,
    private readonly handler: BatchHandler,
    { batchSize = 1000 }: SubscribeOptions = {},
  ) {
    this.checkpoint = after;
    this.batchSize = batchSize;
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.feed?.close();
    this.interrupt?.();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      const before = this.checkpoint;
      const error = await this.follow();
      if (this.stopped) return;
      if (!isTransient(error)) throw error;
      failures = this.checkpoint === before ? failures + 1 : 1;
      await this.sleep(Math.min(MIN_RETRY_MS * 2 ** (failures - 1), MAX_RETRY_MS));
    }
  }

  /** Follows one feed until it fails (resolves with the error) or the subscription stops; a handler error rejects. */
  private follow(): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const buffer: RecordedEvent[] = [];
      let lastQueued = this.checkpoint;
      let draining = false;
      let failure: { error: unknown } | null = null;
      const finishIfDone = () => {
        if (this.stopped) resolve(null);
        else if (failure && buffer.length === 0) resolve(failure.error);
      };
      const drain = async () => {
        if (draining) return;
        draining = true;
        try {
          while (buffer.length > 0 && !this.stopped) {
            const batch = buffer.splice(0, this.batchSize);
            await this.handler(batch);
            this.checkpoint = batch[batch.length - 1].position;
            if (buffer.length < this.batchSize) feed.resume();
          }
        } catch (error) {
          this.stopped = true;
          await feed.close();
          return reject(error);
        } finally {
          draining = false;
        }
        finishIfDone();
      };
      const feed = this.connection.subscribeToAll(this.checkpoint, {
        event: (event) => {
          if (isSystemEvent(event) || (lastQueued !== null && event.position <= lastQueued)) return;
          lastQueued = event.position;
          buffer.push(toRecorded(event));
          if (buffer.length >= this.batchSize) feed.pause();
          // Let the events that arrived together gather before handing them over.
          setImmediate(drain);
        },
        failed: (error) => {
          failure = { error };
          if (!draining) finishIfDone();
        },
      });
      this.feed = feed;
      this.interrupt = () => {
        if (!draining) resolve(null);
      };
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.interrupt = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
