// An operator's decision on a parked event is an event of the log (stream projector-decisions),
// so every projector and every rebuild decides the same way: a skipped event is skipped by a
// rebuild too, whatever the code then makes of it; a resumed one is simply applied again.
import type { NewEvent, RecordedEvent } from '@app/event-store';
import { randomUUID } from 'node:crypto';

export const DECISIONS_STREAM = 'projector-decisions';
export const PARKED_EVENT_RESUMED = 'ParkedEventResumed';
export const PARKED_EVENT_SKIPPED = 'ParkedEventSkipped';

export interface ParkedEventDecision {
  decision: 'resume' | 'skip';
  municipality: string;
  /** The parked event: its id and log position. */
  eventId: string;
  position: string;
  reason: string | null;
  actor: string;
}

const TYPES = { resume: PARKED_EVENT_RESUMED, skip: PARKED_EVENT_SKIPPED } as const;

/** The event recording a decision; it carries the parked municipality, so that municipality's worker reads it. */
export function decisionEvent(d: ParkedEventDecision, recordedAt = new Date().toISOString()): NewEvent {
  const id = randomUUID();
  return {
    id,
    type: TYPES[d.decision],
    data: { municipality: d.municipality, eventId: d.eventId, position: d.position, reason: d.reason },
    metadata: { recordedAt, commandId: id, actor: d.actor, municipality: d.municipality },
  };
}

/** The decision an event records, or null for any other event. */
export function decisionOf(event: RecordedEvent): ParkedEventDecision | null {
  if (event.stream !== DECISIONS_STREAM) return null;
  const decision =
    event.type === PARKED_EVENT_SKIPPED ? 'skip' : event.type === PARKED_EVENT_RESUMED ? 'resume' : null;
  const d = event.data as Partial<Record<'municipality' | 'eventId' | 'position' | 'reason', unknown>>;
  if (
    decision === null ||
    typeof d.eventId !== 'string' ||
    typeof d.municipality !== 'string' ||
    typeof d.position !== 'string'
  )
    return null;
  return {
    decision,
    municipality: d.municipality,
    eventId: d.eventId,
    position: d.position,
    reason: typeof d.reason === 'string' ? d.reason : null,
    actor: event.metadata.actor,
  };
}
