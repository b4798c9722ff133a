import { DynamicModule, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import { type Projection, type WorkerSlot, ProjectionRunner, type AppliedBatch } from '@app/read-models';
import { isDependencyUnavailable, rootLogger, type Logger } from '@app/platform';
import type { DataSource } from 'typeorm';

export interface ProjectorDependencies {
  store: EventStore;
  readModels: DataSource;
  projections: Projection[];
  idleDelayMs?: number;
  /** The municipalities this projector owns (default: all). */
  worker?: WorkerSlot;
  /** What to do when a batch fails; by default the process exits so that a supervisor restarts it. */
  onFailure?: (error: Error) => void;
  /** Also told of every applied batch (metrics). */
  onBatch?: (batch: AppliedBatch) => void;
  /** Set by createProjectorApp. */
  logger?: Logger;
}

/** How often the lag is logged at info. */
const LAG_LOG_INTERVAL_MS = 60_000;

/**
 * A Ctrl-C reaches the database server and the projector at once; the server may close its
 * connections before the projector's event loop has taken the signal. An unreachable database is
 * therefore only called a failure when no shutdown follows within this time.
 */
const SHUTDOWN_SIGNAL_GRACE_MS = 2_000;

const DEPS = Symbol('PROJECTOR_DEPS');

/** Runs the projections for as long as the application lives; a failed batch stops the process. */
class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runner: ProjectionRunner;
  private readonly logger: Logger;
  private lagTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private shutdownBegun: () => void = () => undefined;
  private readonly shutdown = new Promise<void>((resolve) => (this.shutdownBegun = resolve));

  constructor(@Inject(DEPS) private readonly deps: ProjectorDependencies) {
    this.logger = deps.logger ?? rootLogger();
    this.runner = new ProjectionRunner(deps.store, deps.readModels, deps.projections, {
      idleDelayMs: deps.idleDelayMs,
      worker: deps.worker,
      onParked: (event, error) =>
        this.logger.error(
          {
            municipality: event.metadata.municipality,
            eventId: event.id,
            position: event.position.toString(),
            type: event.type,
            cause: error.message,
          },
          'event parked: its municipality waits for `npm run cli -- parked resume|skip`; the others go on',
        ),
      onBatch: (batch) => {
        this.logger.debug(
          { events: batch.events, through: batch.through.toString(), seconds: batch.seconds },
          'batch applied',
        );
        deps.onBatch?.(batch);
      },
    });
  }

  private async logLag(message: string): Promise<void> {
    const lag = await this.runner.lag().catch(() => null);
    if (lag) this.logger.info({ lag }, message);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
    await this.logLag(
      this.deps.worker
        ? `projector worker ${this.deps.worker.index + 1} of ${this.deps.worker.workers} following the log`
        : 'projector following the log',
    );
    this.lagTimer = setInterval(() => void this.logLag('projection lag'), LAG_LOG_INTERVAL_MS).unref();
    this.runner.done.catch(async (error: Error) => {
      if (!this.stopping && isDependencyUnavailable(error))
        await this.shutdownWithin(SHUTDOWN_SIGNAL_GRACE_MS);
      // Stopping with the database (a Ctrl-C in a terminal reaches both): nothing failed.
      if (this.stopping)
        return this.logger.info({ cause: error.message }, 'projector stopped while the database shut down');
      this.logger.error({ err: error }, 'projection failed; it resumes from the last checkpoint on restart');
      if (this.deps.onFailure) return this.deps.onFailure(error);
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
  }

  private async shutdownWithin(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.shutdown, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.shutdownBegun();
    if (this.lagTimer) clearInterval(this.lagTimer);
    await this.runner.stop();
  }
}

@Module({})
export class ProjectorModule {
  static register(deps: ProjectorDependencies): DynamicModule {
    return { module: ProjectorModule, providers: [{ provide: DEPS, useValue: deps }, ProjectorService] };
  }
}
