// The dependencies readiness depends on, one terminus indicator each: the event log and the read
// models' database. Each answers within a bound, so an unreachable host makes readiness 503
// instead of a hanging probe. The projection indicator is `up` whenever the read models answer,
// parked events or not (readiness stays 200: the other municipalities are served), and carries
// the lag and the parked events in its details.
import { Inject, Injectable, type Provider } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { EventStore } from '@app/event-store';
import { projectionHealth, projectedThrough } from '@app/read-models';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, READ_MODELS } from '../api.tokens';

export interface ReadinessIndicator {
  check(): Promise<HealthIndicatorResult>;
}

/** A dependency that has not answered in this long is reported down. */
const CHECK_TIMEOUT_MS = 3000;

async function within<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

@Injectable()
export class EventLogIndicator implements ReadinessIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('eventLog');
    try {
      const head = await within(this.store.headPosition());
      return session.up({ head: head?.toString() ?? null });
    } catch (error) {
      return session.down({ message: messageOf(error) });
    }
  }
}

@Injectable()
export class ReadModelsIndicator implements ReadinessIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('readModels');
    try {
      const checkpoint = await within(projectedThrough(this.readModels));
      return session.up({ checkpoint: checkpoint?.toString() ?? null });
    } catch (error) {
      return session.down({ message: messageOf(error) });
    }
  }
}

@Injectable()
export class ProjectionIndicator implements ReadinessIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('projection');
    try {
      const { projection } = await within(projectionHealth(this.store, this.readModels));
      return session.up({ ...projection });
    } catch (error) {
      return session.down({ message: messageOf(error) });
    }
  }
}

/** The indicators /health/ready and /health run, in this order. */
export const READINESS_INDICATORS = Symbol('READINESS_INDICATORS');

const INDICATORS = [EventLogIndicator, ReadModelsIndicator, ProjectionIndicator];

export const HEALTH_PROVIDERS: Provider[] = [
  ...INDICATORS,
  {
    provide: READINESS_INDICATORS,
    useFactory: (...indicators: ReadinessIndicator[]) => indicators,
    inject: INDICATORS,
  },
];
