// Builds the api application (used by `npm start` and by the end-to-end tests).
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { createLogger, NestPinoLogger, rootLogger, type Logger, Metrics, type PoolUse } from '@app/platform';
import { PostgresEventStore, type EventStore } from '@app/event-store';
import { projectionLag, parkedEvents } from '@app/read-models';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { ApiModule, type ApiDependencies } from './api.module';
import { apiHttpAdapter } from './http/http-adapter';
import { serveWebApp } from './web/serve-web-app';
import { timedStore } from './metrics/timed-store';
import { openApiDocument } from './openapi/openapi-document';

/** Shorter HS256 secrets can be guessed by brute force (RFC 7518 3.2 asks for at least 256 bits). */
const MIN_SECRET_LENGTH = 32;

export interface ApiAppOptions {
  /** false: no logs at all (tests). */
  logs?: boolean;
  /** The logger (default: the process's, on standard output). */
  logger?: Logger;
}

/** The api's metrics, with gauges read from its event store and read models. */
export function apiMetrics(store: EventStore, readModels: DataSource): Metrics {
  const readModelPool = (readModels.driver as unknown as { master?: Pool }).master;
  const pools: Record<string, () => PoolUse> = {};
  if (readModelPool)
    pools.read_models = () => ({
      total: readModelPool.totalCount,
      idle: readModelPool.idleCount,
      waiting: readModelPool.waitingCount,
    });
  if (store instanceof PostgresEventStore) pools.event_log = () => store.poolUse();
  return new Metrics({
    // Not a count where the log cannot count events (EventStoreDB positions are byte offsets).
    projectionLag: async () => (await projectionLag(store, readModels)).eventsBehind ?? Number.NaN,
    parkedEvents: async () => (await parkedEvents(readModels)).length,
    pools,
  });
}

export async function createApiApp(
  deps: ApiDependencies,
  options: ApiAppOptions = {},
): Promise<INestApplication> {
  const logger = (options.logs === false ? createLogger('silent') : (options.logger ?? rootLogger())).child({
    app: 'api',
  });
  const metrics = deps.metrics ?? apiMetrics(deps.store, deps.readModels);
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.register({ ...deps, metrics, store: timedStore(deps.store, metrics) }),
    apiHttpAdapter({
      logger,
      metrics,
      bodyLimit: deps.config.bodyLimit,
      webIssuer: deps.config.identity.issuer?.webClient ? deps.config.identity.issuer.issuer : null,
    }),
    {
      bodyParser: false,
      logger: new NestPinoLogger(logger),
    },
  );
  if (!deps.config.jwtSecretIsDevelopment && deps.config.jwtSecret.length < MIN_SECRET_LENGTH) {
    logger.warn(
      `AUTH_JWT_SECRET has ${deps.config.jwtSecret.length} characters: anyone who guesses it can sign tokens; use at least ${MIN_SECRET_LENGTH} random ones (openssl rand -hex 32)`,
    );
  }
  await serveWebApp(app);
  SwaggerModule.setup('v1/docs', app, openApiDocument(app), {
    jsonDocumentUrl: 'v1/openapi.json',
    yamlDocumentUrl: 'v1/openapi.yaml',
    customSiteTitle: 'Refund ledger API',
  });
  app.enableShutdownHooks();
  return app;
}
