// For tests of parking: an event the projector cannot apply, planted straight through the event
// store (no validation on this path), and an operator's decision on it.
import type { EventStore, RecordedEvent } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { decisionEvent, DECISIONS_STREAM } from '../runner/projector-decisions';

/** An OfferExpenseRecorded the stored-event schema refuses. */
export async function plantUnreadable(
  store: EventStore,
  municipality: string,
  recordedAt = '2025-04-01T08:00:00Z',
): Promise<RecordedEvent> {
  const id = randomUUID();
  await store.append({
    stream: `offer-${municipality}-planted`,
    expectedRevision: 'no_stream',
    events: [
      {
        id,
        type: 'OfferExpenseRecorded',
        data: { amountOere: 'not a number' },
        metadata: { recordedAt, commandId: id, actor: 'test', municipality },
      },
    ],
  });
  return (await store.readStream(`offer-${municipality}-planted`))[0];
}

export async function decideOnParked(
  store: EventStore,
  decision: 'skip' | 'resume',
  planted: RecordedEvent,
  reason: string | null,
): Promise<void> {
  await store.append({
    stream: DECISIONS_STREAM,
    expectedRevision: 'any',
    events: [
      decisionEvent({
        decision,
        municipality: planted.metadata.municipality,
        eventId: planted.id,
        position: planted.position.toString(),
        reason,
        actor: 'operator:test',
      }),
    ],
  });
}
