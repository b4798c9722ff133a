// EventStoreDB keeps event ids per stream only: a retry of an append with the same ids on the same
// stream is idempotent, but the same id on another stream is simply stored twice. The port forbids
// that (DuplicateEventIdError), so each id is reserved for its stream before the append.
//
// Reservations live in one journal stream, `event-id-journal`: each journal event lists claims
// (stream → ids). A writer knows the journal up to some revision (an in-memory index id → stream,
// caught up by reading on), checks its ids against it and appends its claims with that revision as
// the expected one, so no claim can slip in between the check and the write: a conflict means
// another process claimed meanwhile, and the writer catches up and checks again. Claims that
// arrive while a journal write is in flight wait and go together in the next one (group commit),
// so one journal append reserves the ids of many appends, and a whole appendMany costs one. The
// journal is read once per process and then only after a conflict.
//
// Journal events have a `$`-prefixed type, so they count as system events: the server-side filter
// of subscriptions and the adapter's reads skip them. Costs: the index holds every id ever reserved
// (about 100 bytes each in memory) and is read from the journal on a process's first append; all
// writers of ids serialise on the journal stream (a conflict costs a catch-up read and a retry).
// A reservation is permanent and binds the id to its stream, also when the append it preceded
// failed (a wrong expected revision, a crash): retrying on the same stream is fine, using the id
// on another stream is refused.
//
// (The first design reserved each id with an append of its own to `event-id-<uuid>` with expected
// "no stream": no index, but one extra append per event — about half the time of a bulk copy.)
import { DuplicateEventIdError } from '../event-store.errors';
import type { AppendRequest } from '../event-store.port';
import { EsdbConflict, type EsdbConnection } from './esdb-connection';
import { randomUUID } from 'node:crypto';
import { GroupQueue } from '../group-queue';

export const RESERVATION_STREAM = 'event-id-journal';
const RESERVED = '$EventIdsReserved';
/** Claims per journal event (keeps one journal append well below the server's 1 MB limit). */
const CLAIMS_PER_EVENT = 4000;
const CATCH_UP_PAGE = 500;

interface Claim {
  id: string;
  stream: string;
}

export class EventIdReservations {
  /** Every reserved id and its stream, as far as the journal has been read. */
  private readonly owners = new Map<string, string>();
  /** Journal events read into `owners` (the next revision to read). */
  private journalLength = 0n;
  /** False until the journal was read once, and again after a conflict (the journal grew elsewhere). */
  private current = false;
  /** Claims that arrive while a journal write is under way go together in the next one. */
  private readonly queue = new GroupQueue<Claim[], Set<string>>((group) => this.reserveGroup(group));

  constructor(private readonly connection: EsdbConnection) {}

  /**
   * Reserves every event id of the requests for its stream. Returns the ids that were already
   * reserved for the same stream (possible retries); throws DuplicateEventIdError for an id
   * reserved for another stream.
   */
  reserve(requests: AppendRequest[]): Promise<Set<string>> {
    return this.queue.submit(
      requests.flatMap((request) =>
        request.events.map((event) => ({ id: event.id, stream: request.stream })),
      ),
    );
  }

  /** Checks each reservation of the group against the journal and writes the new claims of those that pass. */
  private async reserveGroup(group: Claim[][]): Promise<(Set<string> | Error)[]> {
    const outcomes: (Set<string> | Error)[] = [];
    let open = group.map((_, i) => i);
    for (;;) {
      // A stale index is safe: the write expects the journal's length as read, so it fails if the journal grew.
      const failed = this.current
        ? null
        : await this.catchUp().then(
            () => null,
            (error: Error) => error,
          );
      if (failed) {
        for (const i of open) outcomes[i] = failed;
        return outcomes;
      }
      const fresh = new Map<string, string>();
      const passed: number[] = [];
      for (const i of open) {
        try {
          outcomes[i] = this.check(group[i], fresh);
          passed.push(i);
        } catch (error) {
          outcomes[i] = error as Error;
        }
      }
      try {
        await this.write(fresh);
      } catch (error) {
        if (error instanceof EsdbConflict) {
          this.current = false;
          open = passed; // someone else claimed meanwhile: read on and check again
          continue;
        }
        for (const i of passed) outcomes[i] = error as Error;
      }
      return outcomes;
    }
  }

  /** The claims' ids already reserved for their streams; the new ones are added to `fresh`. */
  private check(claims: Claim[], fresh: Map<string, string>): Set<string> {
    const ours = new Set<string>();
    const mine = new Map<string, string>();
    for (const { id, stream } of claims) {
      const owner = this.owners.get(id) ?? fresh.get(id) ?? mine.get(id);
      if (owner === undefined) mine.set(id, stream);
      else if (owner !== stream) throw new DuplicateEventIdError(id);
      else if (!mine.has(id)) ours.add(id);
    }
    for (const [id, stream] of mine) fresh.set(id, stream);
    return ours;
  }

  /** Appends the claims to the journal, expecting it to end where this process has read it. */
  private async write(claims: Map<string, string>): Promise<void> {
    const entries = [...claims];
    for (let start = 0; start < entries.length; start += CLAIMS_PER_EVENT) {
      const chunk = entries.slice(start, start + CLAIMS_PER_EVENT);
      const byStream: Record<string, string[]> = {};
      for (const [id, stream] of chunk) (byStream[stream] ??= []).push(id);
      const expected = this.journalLength === 0n ? 'no_stream' : this.journalLength - 1n;
      await this.connection.append(
        RESERVATION_STREAM,
        [{ id: randomUUID(), type: RESERVED, data: { claims: byStream }, metadata: {} }],
        expected,
      );
      this.remember(byStream);
      this.journalLength++;
    }
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const events = await this.connection.readStream(RESERVATION_STREAM, this.journalLength, CATCH_UP_PAGE);
      for (const event of events) this.remember(event.data.claims as Record<string, string[]>);
      this.journalLength += BigInt(events.length);
      if (events.length < CATCH_UP_PAGE) {
        this.current = true;
        return;
      }
    }
  }

  private remember(byStream: Record<string, string[]>): void {
    for (const [stream, ids] of Object.entries(byStream))
      for (const id of ids) if (!this.owners.has(id)) this.owners.set(id, stream);
  }
}
