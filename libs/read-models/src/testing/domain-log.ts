// For tests and benchmarks: runs commands of API.md against an event log the way the command
// api does (parse, fold the stream and its context streams, decide, append with metadata), with
// the recorded time chosen by the caller — no HTTP, no authorisation.
import { randomUUID } from 'node:crypto';
import { fold, getCommandDefinition, parseEvent, type OfferValidityCheck } from '@app/domain';
import type { EventStore, RecordedEvent } from '@app/event-store';

const toDomain = (e: RecordedEvent) => parseEvent(e.type, e.metadata.schemaVersion ?? 1, e.data);

export class DomainLog {
  constructor(
    private readonly store: EventStore,
    private readonly offerValidity: OfferValidityCheck,
    private readonly municipality = '101',
  ) {}

  /** Runs one command recorded at `recordedAt`; returns its command id and the log position of its last event. */
  async run(
    type: string,
    body: Record<string, unknown>,
    recordedAt: string,
  ): Promise<{ commandId: string; position: bigint | null }> {
    const definition = getCommandDefinition(type);
    if (!definition) throw new Error(`unknown command ${type}`);
    const commandId = randomUUID();
    const command = definition.parse({ commandId, municipality: this.municipality, ...body });
    const stream = definition.streamOf(command);
    const stored = await this.store.readStream(stream);
    const state = stored.map(toDomain).reduce(definition.evolve, definition.initialState);
    const related: Record<string, unknown> = {};
    for (const ref of definition.contextStreams?.(command) ?? [])
      related[ref.key] = fold(ref.aggregate, (await this.store.readStream(ref.stream)).map(toDomain));
    const events = definition.decide(command, state, {
      now: recordedAt,
      offerValidity: this.offerValidity,
      related,
    });
    if (events.length === 0) return { commandId, position: null };
    const last = stored[stored.length - 1];
    const result = await this.store.append({
      stream,
      expectedRevision: last ? last.revision : 'no_stream',
      events: events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        data: event.data as unknown as Record<string, unknown>,
        metadata: {
          recordedAt,
          commandId,
          commandType: type,
          actor: 'test',
          municipality: this.municipality,
          schemaVersion: event.version,
        },
      })),
    });
    return { commandId, position: result.position };
  }
}
