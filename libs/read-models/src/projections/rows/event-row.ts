// The log event a ledger row comes from: its id, position and metadata.
import type { RecordedEvent } from '@app/event-store';

export type SourceEvent = Pick<RecordedEvent, 'id' | 'position' | 'metadata'>;

/** A timestamp column as read back (pg gives Date): ISO 8601 UTC. */
export const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : value);
