// The event_store.client.streams.Streams service over the memory log: Read (stream and $all reads,
// $all subscriptions) and BatchAppend (what the client uses once ServerFeatures lists it).
import { randomUUID } from 'node:crypto';
import {
  status,
  type ServerDuplexStream,
  type ServerWritableStream,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type {
  BatchAppendReq,
  BatchAppendResp,
  ReadReq,
  ReadResp,
} from '@eventstore/db-client/generated/streams_pb';
import type { MemoryLog, StoredEvent } from './memory-log';
import {
  batchAppendResponse,
  caughtUp,
  confirmation,
  eventResponse,
  expectedOf,
  filterOf,
  proposedEvents,
  streamName,
  streamNotFound,
  uuidString,
} from './wire';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

export class StreamsHandlers {
  /** Open subscriptions, for dropAll(). */
  private readonly open = new Set<ReadCall>();

  constructor(private readonly log: MemoryLog) {}

  implementation(): UntypedServiceImplementation {
    return {
      read: (call: ReadCall) => this.read(call),
      batchAppend: (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => this.batchAppend(call),
      // Unary Append, Delete and Tombstone are not implemented: grpc answers UNIMPLEMENTED.
    };
  }

  /** Ends every open subscription with UNAVAILABLE, as a server restart or a lost leader would. */
  dropAll(): void {
    for (const call of this.open)
      call.emit('error', { code: status.UNAVAILABLE, details: 'dropped by the test server' });
    this.open.clear();
  }

  private read(call: ReadCall): void {
    const options = call.request.getOptions();
    if (!options)
      return void call.emit('error', { code: status.INVALID_ARGUMENT, details: 'options are required' });
    if (options.hasSubscription()) {
      if (!options.hasAll())
        return void call.emit('error', { code: status.UNIMPLEMENTED, details: 'only $all subscriptions' });
      return void this.subscribeToAll(call, options);
    }
    const count = Number(options.getCount());
    const backwards = options.getReadDirection() === 1;
    if (options.hasStream()) {
      const stream = options.getStream()!;
      const name = streamName(stream.getStreamIdentifier());
      const from = stream.hasRevision() ? Number(stream.getRevision()) : stream.hasEnd() ? 'end' : 'start';
      const events = this.log.readStream(name, from, count, backwards);
      if (events === null) call.write(streamNotFound(name));
      else for (const event of events) call.write(eventResponse(event));
      return void call.end();
    }
    const keep = filterOf(options);
    for (const event of this.readAll(options.getAll()!, count, backwards))
      if (keep(event)) call.write(eventResponse(event));
    call.end();
  }

  /** $all forwards from a position includes the event at that position; backwards returns those before it. */
  private readAll(all: ReadReq.Options.AllOptions, count: number, backwards: boolean): StoredEvent[] {
    const events: StoredEvent[] = [];
    const start = all.hasPosition()
      ? this.log.indexAt(BigInt(all.getPosition()!.getCommitPosition()))
      : all.hasEnd()
        ? this.log.length
        : 0;
    const step = backwards ? -1 : 1;
    for (
      let i = backwards ? start - 1 : start;
      i >= 0 && i < this.log.length && events.length < count;
      i += step
    ) {
      events.push(this.log.at(i));
    }
    return events;
  }

  /**
   * Catch-up then live, like the server: confirmation, the events strictly after the given position
   * (respecting backpressure), CaughtUp, then each append as it commits. The switch to live happens
   * in the same tick as the last catch-up check, so nothing falls between the two.
   */
  private async subscribeToAll(call: ReadCall, options: ReadReq.Options): Promise<void> {
    this.open.add(call);
    let closed = false;
    let stopLive = () => {};
    const close = () => {
      closed = true;
      stopLive();
      this.open.delete(call);
    };
    call.on('cancelled', close);
    call.on('error', close);
    call.on('finish', close);
    const keep = filterOf(options);
    const all = options.getAll()!;
    let next = all.hasPosition()
      ? this.log.indexAt(BigInt(all.getPosition()!.getCommitPosition()) + 1n)
      : all.hasEnd()
        ? this.log.length
        : 0;
    call.write(confirmation(randomUUID()));
    while (!closed && next < this.log.length) {
      const event = this.log.at(next++);
      if (keep(event) && !call.write(eventResponse(event)))
        await new Promise((resolve) => call.once('drain', resolve));
    }
    if (closed) return;
    call.write(caughtUp());
    stopLive = this.log.onAppend((events) => {
      for (const event of events) if (keep(event)) call.write(eventResponse(event));
    });
  }

  /** Each request (correlation id) may span several messages; it is appended when `is_final` arrives. */
  private batchAppend(call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
    const pending = new Map<
      string,
      { options?: BatchAppendReq.Options; messages: BatchAppendReq.ProposedMessage[] }
    >();
    call.on('data', (request: BatchAppendReq) => {
      const key = uuidString(request.getCorrelationId());
      const entry = pending.get(key) ?? { messages: [] };
      pending.set(key, entry);
      if (request.hasOptions()) entry.options = request.getOptions();
      entry.messages.push(...request.getProposedMessagesList());
      if (!request.getIsFinal()) return;
      pending.delete(key);
      if (!entry.options)
        return call.emit('error', { code: status.INVALID_ARGUMENT, details: 'first message needs options' });
      const stream = streamName(entry.options.getStreamIdentifier());
      const expected = expectedOf(entry.options);
      const outcome = this.log.append(stream, proposedEvents(entry.messages), expected);
      call.write(batchAppendResponse(request.getCorrelationId(), stream, expected, outcome));
    });
    call.on('end', () => call.end());
  }
}
