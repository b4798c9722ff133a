/**
 * An event as the domain produces and reads it: its type, its schema version and its data.
 * The data carries the business-effective dates and every field a projection needs without
 * reading another stream. Recorded time, command id, actor and municipality are NOT in the
 * data: the event store keeps them in the metadata (EventMetadata of libs/event-store).
 */
export interface EventEnvelope<T extends string, V extends number, D> {
  type: T;
  version: V;
  data: D;
}
