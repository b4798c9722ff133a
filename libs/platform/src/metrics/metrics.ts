// The Prometheus metrics of one process (prom-client), on a registry of its own so that several
// apps in one process (tests) do not share counters. GET /metrics serves them.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** A connection pool's use, as pg's Pool counts it. */
export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
}

/** What the gauges read when Prometheus scrapes. */
export interface MetricSources {
  /** Events the read models are behind the log. */
  projectionLag?: () => Promise<number>;
  /** Events parked by the projector (it could not apply them). */
  parkedEvents?: () => Promise<number>;
  pools?: Record<string, () => PoolUse>;
}

/** A gauge's value when its source fails (the database is down): NaN, and the scrape still answers. */
async function valueOf(read: () => Promise<number>): Promise<number> {
  try {
    return await read();
  } catch {
    return Number.NaN;
  }
}

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Metrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: 'ledger_commands_total',
    help: 'Commands answered, by command type and HTTP status (batch items one by one)',
    labelNames: ['type', 'status'] as const,
    registers: [this.registry],
  });

  readonly appendSeconds = new Histogram({
    name: 'ledger_event_append_seconds',
    help: 'Time to append to the event log, by operation (append: one command, appendMany: a batch, from its first command decided to its commit)',
    labelNames: ['operation'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly httpSeconds = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly batchSeconds = new Histogram({
    name: 'projector_batch_duration_seconds',
    help: 'Time the projector took to apply one batch and commit it with its checkpoint',
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly batchEvents = new Histogram({
    name: 'projector_batch_events',
    help: 'Events per batch the projector applied',
    buckets: [1, 5, 10, 50, 100, 250, 500, 1000, 5000],
    registers: [this.registry],
  });

  constructor(sources: MetricSources = {}) {
    collectDefaultMetrics({ register: this.registry });
    const { projectionLag, parkedEvents, pools } = sources;
    if (projectionLag) {
      new Gauge({
        name: 'projection_lag_events',
        help: 'Events in the log the read models have not applied yet',
        registers: [this.registry],
        async collect() {
          this.set(await valueOf(projectionLag));
        },
      });
    }
    if (parkedEvents) {
      new Gauge({
        name: 'projector_parked_events',
        help: 'Events the projector parked because it could not apply them',
        registers: [this.registry],
        async collect() {
          this.set(await valueOf(parkedEvents));
        },
      });
    }
    if (pools) {
      new Gauge({
        name: 'pg_pool_connections',
        help: 'PostgreSQL pool connections by pool and state (total, idle, waiting clients)',
        labelNames: ['pool', 'state'] as const,
        registers: [this.registry],
        collect() {
          for (const [pool, use] of Object.entries(pools)) {
            const { total, idle, waiting } = use();
            this.set({ pool, state: 'total' }, total);
            this.set({ pool, state: 'idle' }, idle);
            this.set({ pool, state: 'waiting' }, waiting);
          }
        },
      });
    }
  }

  observeBatch(events: number, seconds: number): void {
    this.batchEvents.observe(events);
    this.batchSeconds.observe(seconds);
  }
}
