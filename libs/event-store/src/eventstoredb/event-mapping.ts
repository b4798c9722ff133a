// How the port's events are stored in EventStoreDB: JSON data, and JSON metadata holding the
// port's metadata verbatim plus the server's own `$correlationId`/`$causationId` keys (so that
// the $by_correlation_id system projection works). `$`-keys are dropped again when reading.
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port';
import type { EsdbEvent, ProposedEvent } from './esdb-connection';

export function toProposed({ id, type, data, metadata }: NewEvent): ProposedEvent {
  const server: Record<string, string> = {};
  if (metadata.correlationId !== undefined) server.$correlationId = metadata.correlationId;
  if (metadata.causationId !== undefined) server.$causationId = metadata.causationId;
  return { id, type, data, metadata: { ...metadata, ...server } };
}

export function toRecorded(event: EsdbEvent): RecordedEvent {
  const metadata = Object.fromEntries(Object.entries(event.metadata).filter(([key]) => !key.startsWith('$')));
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: metadata as unknown as EventMetadata,
    stream: event.stream,
    revision: Number(event.revision),
    position: event.position,
  };
}

/** System events ($-prefixed event type or stream) are the server's own and never reach the port. */
export function isSystemEvent(event: EsdbEvent): boolean {
  return event.type.startsWith('$') || event.stream.startsWith('$');
}
