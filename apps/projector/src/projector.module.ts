import { DynamicModule, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@app/event-store/event-store.port';
import type { Projection } from '@app/read-models/projections/projection';
import { ProjectionRunner } from '@app/read-models/runner/projection-runner';
import { jsonLogger } from '@app/platform/logging/json-logger';
import type { DataSource } from 'typeorm';

export interface ProjectorDependencies {
  store: EventStore;
  readModels: DataSource;
  projections: Projection[];
  idleDelayMs?: number;
  /** What to do when a batch fails; by default the process exits so that a supervisor restarts it. */
  onFailure?: (error: Error) => void;
}

const DEPS = Symbol('PROJECTOR_DEPS');

/** Runs the projections for as long as the application lives; a failed batch stops the process. */
class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runner: ProjectionRunner;
  private readonly logger = jsonLogger('projector');
  private stopping = false;

  constructor(@Inject(DEPS) private readonly deps: ProjectorDependencies) {
    this.runner = new ProjectionRunner(deps.store, deps.readModels, deps.projections, { idleDelayMs: deps.idleDelayMs });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
    this.logger.log({ message: 'projector following the log', lag: await this.runner.lag() });
    this.runner.done.catch((error: Error) => {
      // Stopping with the database (a Ctrl-C in a terminal reaches both): nothing failed.
      if (this.stopping) return this.logger.log({ message: 'projector stopped while the database shut down', error: error.message });
      this.logger.error({ message: 'projection failed; it resumes from the last checkpoint on restart', error: error.stack });
      if (this.deps.onFailure) return this.deps.onFailure(error);
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.runner.stop();
  }
}

@Module({})
export class ProjectorModule {
  static register(deps: ProjectorDependencies): DynamicModule {
    return { module: ProjectorModule, providers: [{ provide: DEPS, useValue: deps }, ProjectorService] };
  }
}
