import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, Reflector } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import type { OfferValidityCheck } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { AuthGuard, TokenVerifier, type AppConfig, Metrics } from '@app/platform';
import {
  AuditQueries,
  CapParametersQueries,
  LedgerQueries,
  StatementQueries,
  TimelineHistoryQueries,
} from '@app/read-models';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, CLOCK, EVENT_STORE, OFFER_COSTS, OFFER_VALIDITY, READ_MODELS } from './api.tokens';
import { projectedOfferCosts } from './commands/offer-costs';
import { CommandBatchHandler } from './commands/command-batch.handler';
import { CommandService } from './commands/command.service';
import { CommandsController } from './commands/commands.controller';
import { HealthController } from './health/health.controller';
import { FastifyReady } from './http/fastify-ready';
import { HEALTH_PROVIDERS } from './health/health-indicators';
import { MetricsController } from './metrics/metrics.controller';
import { GetCapParameterHistoryHandler } from './queries/cap-parameters.query';
import { ExplainEntryHandler } from './queries/entry-explanation.query';
import { FinanceController } from './queries/finance.controller';
import { GetLedgerChangesHandler } from './queries/ledger-changes.query';
import { GetLedgerEntriesCsvHandler } from './queries/ledger-entries-csv.query';
import { GetLedgerEntriesHandler } from './queries/ledger-entries.query';
import { GetLedgerSummaryHandler } from './queries/ledger-summary.query';
import { LedgerController } from './queries/ledger.controller';
import { GetOfferHandler } from './queries/offer.query';
import { GetProjectHandler } from './queries/project.query';
import {
  GetRefundStatementHandler,
  GetRefundStatementPostingsHandler,
} from './queries/refund-statement.query';
import { GetTimelineHistoryHandler } from './queries/timeline-history.query';
import { GetTimelineHandler } from './queries/timeline.query';
import { ProblemFilter } from './http/problem.filter';
import { PathParamPipe } from './http/path-params';
import { strictValidationPipe } from './http/validation';
import { DevSignInController } from './web/dev-sign-in.controller';
import { WebSignInController } from './web/web-sign-in.controller';
import { CapParametersController } from './queries/cap-parameters.controller';
import { AuditJobsController } from './audit/audit-jobs.controller';

export interface ApiDependencies {
  config: AppConfig;
  store: EventStore;
  readModels: DataSource;
  /** The category × frame validity of the rulebook (seed 002), injected into the offer decider. */
  offerValidity: OfferValidityCheck;
  /** The recorded time of commands; injectable so that tests can register changes "late". */
  clock?: () => Date;
  /** The process's metrics (createApiApp makes them unless given). */
  metrics?: Metrics;
}

@Module({})
export class ApiModule {
  static register(deps: ApiDependencies): DynamicModule {
    return {
      module: ApiModule,
      imports: [CqrsModule.forRoot(), TerminusModule.forRoot({ logger: false })],
      controllers: [
        HealthController,
        MetricsController,
        CommandsController,
        LedgerController,
        FinanceController,
        CapParametersController,
        AuditJobsController,
        DevSignInController,
        WebSignInController,
      ],
      providers: [
        { provide: EVENT_STORE, useValue: deps.store },
        { provide: READ_MODELS, useValue: deps.readModels },
        { provide: APP_CONFIG, useValue: deps.config },
        { provide: Metrics, useValue: deps.metrics ?? new Metrics() },
        ...HEALTH_PROVIDERS,
        { provide: OFFER_VALIDITY, useValue: deps.offerValidity },
        { provide: CLOCK, useValue: deps.clock ?? (() => new Date()) },
        {
          provide: OFFER_COSTS,
          useFactory: (
            store: EventStore,
            readModels: DataSource,
            queries: LedgerQueries,
            config: AppConfig,
          ) => projectedOfferCosts(store, readModels, queries, config.minPositionWaitMs),
          inject: [EVENT_STORE, READ_MODELS, LedgerQueries, APP_CONFIG],
        },
        CommandService,
        CommandBatchHandler,
        {
          provide: LedgerQueries,
          useFactory: (readModels: DataSource) => new LedgerQueries(readModels),
          inject: [READ_MODELS],
        },
        {
          provide: StatementQueries,
          useFactory: (readModels: DataSource) => new StatementQueries(readModels),
          inject: [READ_MODELS],
        },
        {
          provide: AuditQueries,
          useFactory: (readModels: DataSource) => new AuditQueries(readModels),
          inject: [READ_MODELS],
        },
        {
          provide: TimelineHistoryQueries,
          useFactory: (readModels: DataSource) => new TimelineHistoryQueries(readModels),
          inject: [READ_MODELS],
        },
        {
          provide: CapParametersQueries,
          useFactory: (readModels: DataSource) => new CapParametersQueries(readModels),
          inject: [READ_MODELS],
        },
        GetCapParameterHistoryHandler,
        GetTimelineHandler,
        GetTimelineHistoryHandler,
        GetOfferHandler,
        GetProjectHandler,
        GetLedgerEntriesHandler,
        ExplainEntryHandler,
        GetLedgerSummaryHandler,
        GetRefundStatementHandler,
        GetRefundStatementPostingsHandler,
        GetLedgerChangesHandler,
        GetLedgerEntriesCsvHandler,
        {
          provide: APP_GUARD,
          useFactory: (reflector: Reflector) =>
            new AuthGuard(reflector, new TokenVerifier(() => deps.config.jwtSecret, deps.config.identity)),
          inject: [Reflector],
        },
        { provide: APP_FILTER, useClass: ProblemFilter },
        FastifyReady,
        { provide: APP_PIPE, useClass: PathParamPipe },
        { provide: APP_PIPE, useValue: strictValidationPipe },
      ],
    };
  }
}
