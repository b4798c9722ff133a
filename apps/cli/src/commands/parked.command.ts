// `npm run cli -- parked list|resume|skip`: the events the projector could not apply, and the
// operator's decision on one. The decision is appended to the log (stream projector-decisions);
// the projector worker of that municipality reads it and goes on, and a rebuild decides the same.
//   parked list [--json]
//   parked resume --municipality <m> [--reason <text>] [--actor <who>]   after a fix: apply it again
//   parked skip   --municipality <m> --reason <text> [--actor <who>]     never apply it
import type { EventStore } from '@app/event-store';
import { loadConfig } from '@app/platform';
import {
  decisionEvent,
  DECISIONS_STREAM,
  type ParkedEventDecision,
  parkedEvents,
  type ParkedEvent,
} from '@app/read-models';
import { userInfo } from 'node:os';
import type { DataSource } from 'typeorm';
import { openSystem } from '../system/open-system';
import { renderTable } from './text-table';
import { UsageError } from './usage-error';

export async function parkedCommand(options: {
  arguments: ['list' | 'resume' | 'skip'];
  municipality?: string;
  reason?: string;
  actor?: string;
  json?: boolean;
}): Promise<void> {
  const [action] = options.arguments;
  if (action !== 'list' && !options.municipality)
    throw new UsageError(`parked ${action} needs --municipality`);
  const system = await openSystem(loadConfig());
  try {
    if (action === 'list') {
      const parked = await parkedEvents(system.readModels);
      console.log(options.json ? JSON.stringify(parked, null, 2) : parkedTable(parked));
      return;
    }
    const actor = options.actor ?? `operator:${userInfo().username}`;
    const decided = await decideParked(system.store, system.readModels, {
      decision: action,
      municipality: options.municipality!,
      reason: options.reason ?? null,
      actor,
    });
    console.log(
      `${action} of event ${decided.eventId} (position ${decided.position}) of municipality ${decided.municipality} recorded in the log; the projector goes on when it reads it`,
    );
  } finally {
    await system.close();
  }
}

/** Appends the decision on the event a municipality is parked at; refuses a municipality not parked, or a skip without a reason. */
export async function decideParked(
  store: EventStore,
  readModels: DataSource,
  request: Pick<ParkedEventDecision, 'decision' | 'municipality' | 'reason' | 'actor'>,
): Promise<ParkedEventDecision> {
  const [parked] = await parkedEvents(readModels, request.municipality);
  if (!parked)
    throw new UsageError(`municipality ${request.municipality} has no parked event (see: parked list)`);
  if (request.decision === 'skip' && !request.reason?.trim())
    throw new UsageError('parked skip needs --reason: a skipped event is never applied, the log says why');
  const decision: ParkedEventDecision = { ...request, eventId: parked.eventId, position: parked.position };
  await store.append({
    stream: DECISIONS_STREAM,
    expectedRevision: 'any',
    events: [decisionEvent(decision)],
  });
  return decision;
}

function parkedTable(parked: ParkedEvent[]): string {
  if (parked.length === 0) return 'no parked events';
  return renderTable(
    [
      { header: 'municipality', width: 12 },
      { header: 'position', width: 20 },
      { header: 'event', width: 36 },
      { header: 'type', width: 28 },
      { header: 'parked at', width: 24 },
      { header: 'held', width: 8 },
      { header: 'error', width: 60 },
    ],
    parked.map((p) => [
      p.municipality,
      p.position,
      p.eventId,
      p.eventType,
      p.parkedAt,
      String(p.heldEvents),
      p.error,
    ]),
  );
}
