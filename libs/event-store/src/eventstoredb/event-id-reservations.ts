// EventStoreDB keeps event ids per stream only: a retry of an append with the same ids on the same
// stream is idempotent, but the same id on another stream is simply stored twice. The port forbids
// that (DuplicateEventIdError), so each id is reserved for its stream before the append, with the
// usual EventStoreDB uniqueness pattern: one tiny stream per id, written with expected "no stream".
//
// The reservation event has a `$`-prefixed type, so it counts as a system event: the server-side
// filter of subscriptions and the adapter's reads skip it. Costs: one extra append per event
// (issued in parallel), and the `event-id-` stream prefix is taken. A reservation is permanent and
// binds the id to its stream, also when the append it preceded failed (a wrong expected revision,
// a crash): retrying on the same stream is fine, using the id on another stream is refused.
import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError } from '../event-store.errors';
import type { AppendRequest } from '../event-store.port';
import { EsdbConflict, type EsdbConnection } from './esdb-connection';

export const RESERVATION_STREAM_PREFIX = 'event-id-';
const RESERVED = '$EventIdReserved';

export class EventIdReservations {
  constructor(private readonly connection: EsdbConnection) {}

  /**
   * Reserves every event id of the requests for its stream. Returns the ids that were already
   * reserved for the same stream (possible retries); throws DuplicateEventIdError for an id
   * reserved for another stream.
   */
  async reserve(requests: AppendRequest[]): Promise<Set<string>> {
    const claims = requests.flatMap((request) => request.events.map((event) => ({ id: event.id, stream: request.stream })));
    const outcomes = await Promise.all(claims.map((claim) => this.claim(claim.id, claim.stream)));
    return new Set(claims.filter((_, i) => outcomes[i] === 'ours already').map((claim) => claim.id));
  }

  private async claim(id: string, stream: string): Promise<'new' | 'ours already'> {
    try {
      await this.connection.append(RESERVATION_STREAM_PREFIX + id, [{ id: randomUUID(), type: RESERVED, data: { stream }, metadata: {} }], 'no_stream');
      return 'new';
    } catch (error) {
      if (!(error instanceof EsdbConflict)) throw error;
      const [reservation] = await this.connection.readStream(RESERVATION_STREAM_PREFIX + id, 0n, 1);
      if (reservation?.data.stream !== stream) throw new DuplicateEventIdError(id);
      return 'ours already';
    }
  }
}
