// What /health says about the projector: its lag and the parked events (a municipality whose
// event could not be applied is `degraded`; the others are served as usual).
import type { EventStore } from '@app/event-store';
import type { DataSource } from 'typeorm';
import { projectionLag, type ProjectionLag } from './projection-runner';
import { parkedEvents, type ParkedEvent } from './progress';

export interface ProjectionHealth {
  status: 'ok' | 'degraded';
  projection: ProjectionLag & { parked: ParkedEvent[] };
}

export async function projectionHealth(store: EventStore, readModels: DataSource): Promise<ProjectionHealth> {
  const [lag, parked] = await Promise.all([projectionLag(store, readModels), parkedEvents(readModels)]);
  return { status: parked.length ? 'degraded' : 'ok', projection: { ...lag, parked } };
}
