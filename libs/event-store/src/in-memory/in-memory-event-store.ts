// The event log in memory, for unit tests of other libs. Same semantics as the real adapters.
import { DuplicateEventIdError } from '../event-store.errors';
import type {
  AppendRequest,
  AppendResult,
  BatchHandler,
  EventStore,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { pollingSubscription } from '../polling-subscription';
import { appendResultOf, checkExpectedRevision, requestsOf } from '../append-rules';

export class InMemoryEventStore implements EventStore {
  readonly densePositions = true;
  private readonly log: RecordedEvent[] = [];
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly streams = new Map<string, RecordedEvent[]>();

  async append(request: AppendRequest): Promise<AppendResult> {
    const [result] = await this.appendMany([request]);
    return result;
  }

  async appendMany(requests: AppendRequest[] | AsyncIterable<AppendRequest>): Promise<AppendResult[]> {
    // Validate everything first so that a failing request leaves the log untouched.
    const plan = this.plan(await requestsOf(requests));
    const results: AppendResult[] = [];
    for (const step of plan) {
      results.push(
        'write' in step
          ? this.write(step.write)
          : appendResultOf(
              step.storedIds.map((id) => this.byId.get(id)!),
              true,
            ),
      );
    }
    return results;
  }

  /** Each request either writes, or finds its ids stored (before, or by an earlier request of the call). */
  private plan(requests: AppendRequest[]): ({ write: AppendRequest } | { storedIds: string[] })[] {
    const pending = new Map<string, number | null>();
    const planned = new Map<string, { stream: string; type: string }>();
    return requests.map((request) => {
      if (request.events.length === 0) throw new Error('an append needs at least one event');
      const found = request.events.map((e) => this.byId.get(e.id) ?? planned.get(e.id));
      if (found.some((e) => e !== undefined)) {
        const same = found.every(
          (e, i) => e && e.stream === request.stream && e.type === request.events[i].type,
        );
        if (!same) throw new DuplicateEventIdError(request.events[0].id);
        return { storedIds: request.events.map((e) => e.id) };
      }
      const current = pending.has(request.stream)
        ? pending.get(request.stream)!
        : this.currentRevision(request.stream);
      checkExpectedRevision(request, current);
      pending.set(request.stream, (current ?? -1) + request.events.length);
      for (const e of request.events) planned.set(e.id, { stream: request.stream, type: e.type });
      return { write: request };
    });
  }

  private currentRevision(stream: string): number | null {
    const events = this.streams.get(stream);
    return events ? events.length - 1 : null;
  }

  private write(request: AppendRequest): AppendResult {
    const stream = this.streams.get(request.stream) ?? [];
    this.streams.set(request.stream, stream);
    const appended = request.events.map((e) => {
      const recorded: RecordedEvent = {
        ...structuredClone(e),
        stream: request.stream,
        revision: stream.length,
        position: BigInt(this.log.length + 1),
      };
      stream.push(recorded);
      this.log.push(recorded);
      this.byId.set(e.id, recorded);
      return recorded;
    });
    return appendResultOf(appended);
  }

  async readStream(stream: string, fromRevision = 0): Promise<RecordedEvent[]> {
    return (this.streams.get(stream) ?? []).slice(fromRevision).map((e) => structuredClone(e));
  }

  async readAll(after: bigint | null, limit: number): Promise<RecordedEvent[]> {
    const start = Number(after ?? 0n);
    return this.log.slice(start, start + limit).map((e) => structuredClone(e));
  }

  async headPosition(): Promise<bigint | null> {
    return this.log.length === 0 ? null : BigInt(this.log.length);
  }

  subscribe(after: bigint | null, handler: BatchHandler, options?: SubscribeOptions): Subscription {
    return pollingSubscription(this, after, handler, { idleDelayMs: 5, ...options });
  }

  async close(): Promise<void> {}
}
